package org.sernn.sim;

/**
 * Operation counts of a run, properties of the network's activity rather than of the engine, so
 * both engines report the same numbers (docs/energy.md).
 *
 * @param spikes          recurrent spikes emitted
 * @param synapticEvents  deliveries along non-zero synapses: each recurrent spike's fan-out to
 *                        recurrent units and readout, and each non-zero input value's fan-out
 * @param neuronUpdates   unit state updates (every unit, every step, every trial)
 * @param denseMacs       multiply-accumulates a dense (von Neumann) step would do:
 *                        n_rec (n_in + n_rec) + n_out n_rec per step and trial
 */
public record OpCounts(long spikes, long synapticEvents, long neuronUpdates, long denseMacs) {

    public static final OpCounts ZERO = new OpCounts(0, 0, 0, 0);

    public OpCounts plus(OpCounts other) {
        return new OpCounts(spikes + other.spikes, synapticEvents + other.synapticEvents,
                neuronUpdates + other.neuronUpdates, denseMacs + other.denseMacs);
    }
}
