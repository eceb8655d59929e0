package org.sernn.sim;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.MatMulPlan;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingState;
import org.sernn.neuron.rate.RateModel;

/**
 * Batched, time-stepped engine: all trials advance together; synaptic input is two ND4J GEMMs per
 * step (x_t W_in^T and z_{t-1} W_rec^T, double precision) into preallocated arrays
 * ({@link MatMulPlan}), the readout a third. Unit updates use the same code as the event engine
 * (the network's neuron model, {@link org.sernn.neuron.NeuronModels}) on the GEMM outputs: nothing is allocated per step.
 * Runs spiking and rate networks. Step order as in {@link Simulator}.
 */
public final class DenseSimulator implements Simulator {

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        EventSimulator.requireChannels(network, input);
        NeuronParams params = network.neurons();
        if (params.type().isSpiking()) {
            return run(NeuronModels.spiking(params).dynamics(), null, network, input, options);
        }
        return run(null, NeuronModels.rate(params), network, input, options);
    }

    /** Exactly one of {@code units} (spiking) and {@code rateModel} is not null. */
    private static <S extends SpikingState> Recording run(SpikingDynamics<S> units, RateModel rateModel,
            Network network, InputBatch input, RecordOptions options) {
        NeuronParams params = network.neurons();
        boolean spiking = units != null;
        int batch = input.trials();
        int steps = input.steps();
        int n = network.nRec();
        int nIn = network.nIn();
        int nOut = network.nOut();

        MatMulPlan inputPlan = MatMulPlan.timesTransposeOf(network.wIn().toArray(), n, nIn, batch);
        MatMulPlan recurrentPlan = MatMulPlan.timesTransposeOf(network.wRec().toArray(), n, n, batch);
        MatMulPlan readoutPlan = MatMulPlan.timesTransposeOf(network.wOut().toArray(), nOut, n, batch);

        double[] xBuffer = new double[batch * nIn];
        double[] inBuffer = new double[batch * n];
        double[] current = new double[batch * n];
        double[] driveBuffer = new double[batch * nOut];
        double[] z = new double[batch * n];
        double[] y = new double[batch * nOut];
        double[] bRec = network.bRec();
        double[] bOut = network.bOut();
        double kappa = params.kappa();
        int[] inputFanOut = fanOutSizes(network.wIn());
        int[] spikeFanOut = spikeFanOutSizes(network);
        S state = spiking ? units.newState(batch) : null;

        double[] values = input.values();
        double[] readoutTrace = new double[batch * steps * nOut];
        double[] voltage = options.states() ? new double[batch * steps * n] : null;
        double[] threshold = options.states() && spiking ? new double[batch * steps * n] : null;
        SpikeRaster.Builder raster = new SpikeRaster.Builder(batch, steps, n);
        long spikeCount = 0;
        long events = 0;

        for (int t = 0; t < steps; t++) {
            for (int trial = 0; trial < batch; trial++) {
                int offset = input.offset(trial, t);
                System.arraycopy(values, offset, xBuffer, trial * nIn, nIn);
                for (int channel = 0; channel < nIn; channel++) {
                    if (values[offset + channel] != 0.0) {
                        events += inputFanOut[channel];
                    }
                }
            }
            inputPlan.apply(xBuffer, 0, inBuffer, 0);
            recurrentPlan.apply(z, 0, current, 0);
            for (int trial = 0; trial < batch; trial++) {
                for (int j = 0; j < n; j++) {
                    int idx = trial * n + j;
                    current[idx] = bRec[j] + inBuffer[idx] + current[idx];
                }
            }
            for (int trial = 0; trial < batch; trial++) {
                int row = trial * steps + t;
                if (spiking) {
                    int[] spiked = state.spiked(trial);
                    for (int s = 0; s < state.count(trial); s++) {
                        z[trial * n + spiked[s]] = 0.0;
                    }
                    int count = units.step(state, trial, current, trial * n);
                    spiked = state.spiked(trial);
                    spikeCount += count;
                    for (int s = 0; s < count; s++) {
                        z[trial * n + spiked[s]] = 1.0;
                        events += spikeFanOut[spiked[s]];
                        raster.add(trial, t, spiked[s]);
                    }
                    if (threshold != null) {
                        units.thresholds(state, trial, threshold, row * n);
                    }
                } else {
                    rateModel.step(current, z, trial * n, n);
                }
                if (voltage != null) {
                    System.arraycopy(spiking ? state.voltage() : z, trial * n, voltage, row * n, n);
                }
            }
            readoutPlan.apply(z, 0, driveBuffer, 0);
            for (int trial = 0; trial < batch; trial++) {
                for (int o = 0; o < nOut; o++) {
                    int idx = trial * nOut + o;
                    y[idx] = kappa * y[idx] + driveBuffer[idx] + bOut[o];
                }
                System.arraycopy(y, trial * nOut, readoutTrace, (trial * steps + t) * nOut, nOut);
            }
        }
        OpCounts counts = new OpCounts(spikeCount, events, (long) batch * steps * n, denseMacs(network, input));
        return new Recording(batch, steps, n, nOut, raster.build(), readoutTrace, voltage, threshold,
                counts);
    }

    /** n_rec (n_in + n_rec) + n_out n_rec multiply-accumulates per step and trial. */
    static long denseMacs(Network network, InputBatch input) {
        long perStep = (long) network.nRec() * (network.nIn() + network.nRec()) + (long) network.nOut() * network.nRec();
        return perStep * input.trials() * input.steps();
    }

    private static int[] fanOutSizes(DenseMatrix postByPre) {
        int[] sizes = new int[postByPre.cols()];
        for (int post = 0; post < postByPre.rows(); post++) {
            for (int pre = 0; pre < postByPre.cols(); pre++) {
                if (postByPre.get(post, pre) != 0.0) {
                    sizes[pre]++;
                }
            }
        }
        return sizes;
    }

    /** Recurrent plus readout fan-out of each unit: the synaptic events one of its spikes causes. */
    private static int[] spikeFanOutSizes(Network network) {
        int[] recurrent = fanOutSizes(network.wRec());
        int[] readout = fanOutSizes(network.wOut());
        int[] sizes = new int[recurrent.length];
        Arrays.setAll(sizes, i -> recurrent[i] + readout[i]);
        return sizes;
    }
}
