package org.sernn.sim;

import org.sernn.model.Network;

/**
 * Batched, time-stepped engine: all trials advance together; synaptic input is two ND4J GEMMs per
 * step and the readout a third ({@link GemmInput}), into preallocated arrays; the step loop and the
 * unit updates are every engine's ({@link StepLoop}, the network's neuron model): nothing is
 * allocated per step. Runs spiking and rate networks.
 */
public final class DenseSimulator implements Simulator {

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        EventSimulator.requireChannels(network, input);
        return StepLoop.run(network, input, options, new GemmInput(network, input.trials()));
    }
}
