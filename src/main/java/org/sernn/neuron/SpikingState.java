package org.sernn.neuron;

/**
 * The state of a batch of trials of one spiking population, as a {@link SpikingDynamics} made it.
 * Unit j of trial b is at index b n + j of every per-unit array. What the state holds beyond the
 * spikes and the membrane (adaptation, synaptic current, refractory clocks) is the model's business.
 */
public interface SpikingState {

    /** Every trial back at rest, at step 0. */
    void reset();

    /** Units that spiked at the trial's last step, increasing, in [0, {@link #count}); live, read only. */
    int[] spiked(int trial);

    /** How many units spiked at the trial's last step. */
    int count(int trial);

    /** The membrane potential of all trials, live (read only): what recordings call the voltage. */
    double[] voltage();
}
