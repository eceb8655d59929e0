package org.sernn.sim;

import org.sernn.model.Network;

/**
 * Batched, time-stepped engine: all trials advance together; synaptic input is two ND4J GEMMs per
 * step and the readout a third ({@link GemmInput}), into preallocated arrays; the step loop and the
 * unit updates are every engine's ({@link StepLoop}, the network's neuron model): nothing is
 * allocated per step. Runs spiking and rate networks. With several threads the trials are split into
 * fixed parts ({@link TrialParts}), each batched on its own; each product row is one trial's, so the
 * recording equals the one-thread run's.
 */
public final class DenseSimulator implements Simulator {
    private final int threads;

    /** All trials in one batch on the calling thread (the products may still use BLAS threads). */
    public DenseSimulator() {
        this(1);
    }

    /** Trials split into up to {@code threads} batches run side by side. */
    public DenseSimulator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        EventSimulator.requireChannels(network, input);
        return TrialParts.run(input.trials(), threads, 1,
                (from, to) -> StepLoop.run(network, input, from, to, options, new GemmInput(network, to - from)));
    }
}
