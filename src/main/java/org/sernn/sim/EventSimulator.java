package org.sernn.sim;

import org.sernn.model.Network;

/**
 * Spike-driven engine: one trial at a time; each spike walks its unit's outgoing synapses (CSR),
 * each non-zero input value walks its channel's fan-out ({@link CsrInput}). Synaptic work is
 * proportional to spikes; every unit still decays each step (O(n_rec), the clock of the discrete
 * model). Spiking networks only. Recurrent weights held sparse ({@link Network#recurrentWeights()})
 * become lists without a dense pass. The step loop is every engine's ({@link StepLoop}). The fan-out
 * lists of the last network run are kept, so repeated runs of one network build them once; an
 * instance is therefore not for concurrent use. With several threads the trials are split into fixed
 * parts ({@link TrialParts}), several per thread, that share the (read-only) lists, each with its own
 * state and counts: the recording is bit-identical to the one-thread run.
 */
public final class EventSimulator implements Simulator {
    /**
     * Trials are cut into this many parts per thread, taken by whichever thread is free: a thread
     * slowed by another process or by busier trials takes fewer parts.
     */
    private static final int PARTS_PER_THREAD = 8;

    private final int threads;
    private Network preparedFor;
    private FanOut recurrent;
    private FanOut inputs;
    private FanOut readout;

    /** One trial after another on the calling thread. */
    public EventSimulator() {
        this(1);
    }

    /** Trials spread over up to {@code threads} threads. */
    public EventSimulator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        if (!network.neurons().type().isSpiking()) {
            throw new IllegalArgumentException("the event engine runs spiking networks; use the dense engine for rate units");
        }
        requireChannels(network, input);
        prepare(network);
        return TrialParts.run(input.trials(), threads, PARTS_PER_THREAD, (from, to) -> StepLoop.run(network, input,
                from, to, options, new CsrInput(network, recurrent, inputs, readout)));
    }

    private void prepare(Network network) {
        if (network != preparedFor) {
            recurrent = FanOut.ofColumns(network.recurrentWeights().asSparse());
            inputs = FanOut.ofColumns(network.wIn());
            readout = FanOut.ofColumns(network.wOut());
            preparedFor = network;
        }
    }

    static void requireChannels(Network network, InputBatch input) {
        if (input.channels() != network.nIn()) {
            throw new IllegalArgumentException("input has " + input.channels() + " channels but the network has "
                    + network.nIn() + " inputs");
        }
    }
}
