package org.sernn.neuron;

/**
 * One spiking neuron model's forward step over a whole population, bound to its parameters when
 * made ({@link SpikingModel#dynamics}). Engines and learning rules call it once per trial and step
 * with the summed synaptic input I_t of every unit; the model owns its loops, so nothing is
 * dispatched per unit and the JIT compiler can inline and vectorise the update. A step must not
 * allocate.
 *
 * <p>The step order every implementation follows (docs/neurons.md): integrate I_t into the state,
 * apply the consequences of the previous step's spikes (reset, adaptation), round the state when
 * the parameters carry a state precision, then emit z_t by a threshold scan.
 *
 * @param <S> the model's state type
 */
public interface SpikingDynamics<S extends SpikingState> {

    /** Number of units. */
    int size();

    /** State of a batch of trials, all at rest (the only allocation). */
    S newState(int trials);

    /**
     * Advances one trial by a step.
     *
     * @param current I_t of the trial at [currentOffset, currentOffset + n), read only
     * @return the number of units that spiked; their indices are {@link SpikingState#spiked}
     */
    int step(S state, int trial, double[] current, int currentOffset);

    /** Writes the firing threshold of each unit of one trial (after its step) to out[outOffset ..]. */
    void thresholds(S state, int trial, double[] out, int outOffset);
}
