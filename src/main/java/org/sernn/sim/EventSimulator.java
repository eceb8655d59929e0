package org.sernn.sim;

import java.util.Arrays;
import org.sernn.model.Network;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingState;

/**
 * Spike-driven engine: one trial at a time; each spike walks its unit's outgoing synapses (CSR),
 * each non-zero input value walks its channel's fan-out. Synaptic work is proportional to spikes;
 * every unit still decays each step (O(n_rec), the clock of the discrete model). Spiking networks
 * only. Step order as in {@link Simulator}. The fan-out lists of the last network run are kept, so
 * repeated runs of one network build them once; an instance is therefore not for concurrent use.
 */
public final class EventSimulator implements Simulator {
    private Network preparedFor;
    private FanOut recurrent;
    private FanOut inputs;
    private FanOut readout;

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        if (!network.neurons().type().isSpiking()) {
            throw new IllegalArgumentException("the event engine runs spiking networks; use the dense engine for rate units");
        }
        requireChannels(network, input);
        prepare(network);
        return run(NeuronModels.spiking(network.neurons()).dynamics(), network, input, options);
    }

    private <S extends SpikingState> Recording run(SpikingDynamics<S> units, Network network, InputBatch input,
            RecordOptions options) {
        int n = network.nRec();
        int nOut = network.nOut();
        int steps = input.steps();
        int channels = input.channels();
        double kappa = network.neurons().kappa();
        double[] bRec = network.bRec();
        double[] bOut = network.bOut();

        S state = units.newState(1);
        double[] current = new double[n];
        double[] y = new double[nOut];
        double[] values = input.values();

        double[] readoutTrace = new double[input.trials() * steps * nOut];
        double[] voltage = options.states() ? new double[input.trials() * steps * n] : null;
        double[] threshold = options.states() ? new double[input.trials() * steps * n] : null;
        SpikeRaster.Builder raster = new SpikeRaster.Builder(input.trials(), steps, n);
        long spikeCount = 0;
        long events = 0;

        for (int trial = 0; trial < input.trials(); trial++) {
            state.reset();
            Arrays.fill(y, 0.0);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(bRec, 0, current, 0, n);
                int inputOffset = input.offset(trial, t);
                for (int channel = 0; channel < channels; channel++) {
                    double x = values[inputOffset + channel];
                    if (x != 0.0) {
                        inputs.scatterAdd(channel, x, current);
                        events += inputs.size(channel);
                    }
                }
                int[] previousSpiked = state.spiked(0);
                for (int s = 0; s < state.count(0); s++) {
                    recurrent.scatterAdd(previousSpiked[s], current);
                }
                int row = trial * steps + t;
                int count = units.step(state, 0, current, 0);
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + bOut[o];
                }
                int[] spiked = state.spiked(0);
                for (int s = 0; s < count; s++) {
                    int unit = spiked[s];
                    readout.scatterAdd(unit, y);
                    events += recurrent.size(unit) + readout.size(unit);
                    raster.add(trial, t, unit);
                }
                spikeCount += count;
                System.arraycopy(y, 0, readoutTrace, row * nOut, nOut);
                if (voltage != null) {
                    System.arraycopy(state.voltage(), 0, voltage, row * n, n);
                    units.thresholds(state, 0, threshold, row * n);
                }
            }
        }
        OpCounts counts = new OpCounts(spikeCount, events, (long) input.trials() * steps * n,
                DenseSimulator.denseMacs(network, input));
        return new Recording(input.trials(), steps, n, nOut, raster.build(), readoutTrace, voltage, threshold, counts);
    }

    private void prepare(Network network) {
        if (network != preparedFor) {
            recurrent = FanOut.ofColumns(network.wRec());
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
