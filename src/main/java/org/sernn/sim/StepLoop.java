package org.sernn.sim;

import java.util.Arrays;
import org.sernn.model.Network;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingState;
import org.sernn.neuron.rate.RateModel;

/**
 * The one step loop of every engine, in the order of {@link Simulator}: input (the engine's
 * {@link SynapticInput}), the units (the network's neuron model over whole trials), the readout (the
 * engine's again), then the recording. Nothing is allocated per step.
 */
public final class StepLoop {
    private StepLoop() {
    }

    /** Runs the network, its synaptic input and readout computed by {@code synapses}. */
    public static Recording run(Network network, InputBatch input, RecordOptions options, SynapticInput synapses) {
        return run(network, input, 0, input.trials(), options, synapses);
    }

    /** Runs trials [from, to) of {@code input}, recorded as trials 0 .. to - from - 1. */
    static Recording run(Network network, InputBatch input, int from, int to, RecordOptions options,
            SynapticInput synapses) {
        if (network.neurons().type().isSpiking()) {
            return run(network, input, from, to, options, synapses,
                    NeuronModels.spiking(network.neurons()).dynamics(), null);
        }
        return run(network, input, from, to, options, synapses, null, NeuronModels.rate(network.neurons()));
    }

    /** Exactly one of {@code units} (spiking) and {@code rate} is not null. */
    private static <S extends SpikingState> Recording run(Network network, InputBatch input, int from, int to,
            RecordOptions options, SynapticInput synapses, SpikingDynamics<S> units, RateModel rate) {
        boolean spiking = units != null;
        int trials = to - from;
        int steps = input.steps();
        int n = network.nRec();
        int nOut = network.nOut();
        int group = synapses.groupSize(trials);
        S state = spiking ? units.newState(group) : null;
        double[] current = new double[group * n];
        double[] z = new double[group * n];
        double[] y = new double[group * nOut];

        double[] readoutTrace = new double[trials * steps * nOut];
        double[] voltage = options.states() && spiking ? new double[trials * steps * n] : null;
        double[] threshold = voltage != null ? new double[trials * steps * n] : null;
        double[] activation = options.states() && !spiking ? new double[trials * steps * n] : null;
        SpikeRaster.Builder raster = new SpikeRaster.Builder(trials, steps, n);
        long spikeCount = 0;

        for (int first = from; first < to; first += group) {
            int count = Math.min(group, to - first);
            int recorded = first - from; // the group's first trial in this recording
            if (spiking) {
                state.reset();
            }
            Arrays.fill(z, 0.0);
            Arrays.fill(y, 0.0);
            for (int t = 0; t < steps; t++) {
                synapses.current(input, first, count, t, z, state, current);
                for (int b = 0; b < count; b++) {
                    int row = (recorded + b) * steps + t;
                    if (spiking) {
                        int[] spiked = state.spiked(b);
                        for (int s = 0; s < state.count(b); s++) {
                            z[b * n + spiked[s]] = 0.0;
                        }
                        int spikes = units.step(state, b, current, b * n);
                        spiked = state.spiked(b);
                        for (int s = 0; s < spikes; s++) {
                            z[b * n + spiked[s]] = 1.0;
                            raster.add(recorded + b, t, spiked[s]);
                        }
                        spikeCount += spikes;
                        if (voltage != null) {
                            System.arraycopy(state.voltage(), b * n, voltage, row * n, n);
                            units.thresholds(state, b, threshold, row * n);
                        }
                    } else {
                        rate.step(current, z, b * n, n);
                        if (activation != null) {
                            System.arraycopy(z, b * n, activation, row * n, n);
                        }
                    }
                }
                synapses.readout(first, count, z, state, y);
                for (int b = 0; b < count; b++) {
                    System.arraycopy(y, b * nOut, readoutTrace, ((recorded + b) * steps + t) * nOut, nOut);
                }
            }
        }
        OpCounts counts = new OpCounts(spikeCount, synapses.synapticEvents(), (long) trials * steps * n,
                denseMacs(network, trials, steps));
        return new Recording(trials, steps, n, nOut, raster.build(), readoutTrace, voltage, threshold, activation,
                counts);
    }

    /** n_rec (n_in + n_rec) + n_out n_rec multiply-accumulates per step and trial. */
    private static long denseMacs(Network network, int trials, int steps) {
        long perStep = (long) network.nRec() * (network.nIn() + network.nRec()) + (long) network.nOut() * network.nRec();
        return perStep * trials * steps;
    }
}
