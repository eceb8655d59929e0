package org.sernn.hardware;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.Periphery;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingState;
import org.sernn.neuron.rate.RateModel;
import org.sernn.sim.InputBatch;
import org.sernn.sim.OpCounts;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.sim.Simulator;
import org.sernn.sim.SpikeRaster;

/**
 * The crossbar read path: the engines' step order ({@link Simulator}) with every synaptic product
 * read through an {@link AnalogTile} (DAC, output noise, ADC) of w_in, w_rec and w_out, one trial
 * and step at a time; the units are the engines' (the network's neuron model). Biases
 * and the readout's leak are digital. On a crossbar every device of every column is read each
 * step, so the synaptic events counted are the dense multiply-accumulates.
 */
public final class CrossbarSimulator implements Simulator {
    private final Periphery periphery;
    private final double[] fullScales;
    private final long noiseSeed;

    /**
     * @param fullScales the largest |W| of w_in, w_rec and w_out as programmed (the trained network's)
     * @param noiseSeed  seed of the output noise draws
     */
    public CrossbarSimulator(Periphery periphery, double[] fullScales, long noiseSeed) {
        this.periphery = periphery;
        this.fullScales = fullScales.clone();
        this.noiseSeed = noiseSeed;
    }

    @Override
    public Recording run(Network network, InputBatch input, RecordOptions options) {
        if (input.channels() != network.nIn()) {
            throw new IllegalArgumentException("input has " + input.channels() + " channels but the network has "
                    + network.nIn() + " inputs");
        }
        NeuronParams params = network.neurons();
        if (params.type().isSpiking()) {
            return run(NeuronModels.spiking(params).dynamics(), null, network, input, options);
        }
        return run(null, NeuronModels.rate(params), network, input, options);
    }

    /** Exactly one of {@code units} (spiking) and {@code rateModel} is not null. */
    private <S extends SpikingState> Recording run(SpikingDynamics<S> units, RateModel rateModel, Network network,
            InputBatch input, RecordOptions options) {
        NeuronParams params = network.neurons();
        boolean spiking = units != null;
        int n = network.nRec();
        int nIn = network.nIn();
        int nOut = network.nOut();
        int steps = input.steps();
        AnalogTile inputTile = tile(network.wIn().toArray(), n, nIn, fullScales[0]);
        AnalogTile recurrentTile = tile(network.wRec().toArray(), n, n, fullScales[1]);
        AnalogTile readoutTile = tile(network.wOut().toArray(), nOut, n, fullScales[2]);
        SplittableRandom noise = new SplittableRandom(noiseSeed);
        S state = spiking ? units.newState(1) : null;
        double kappa = params.kappa();
        double[] bRec = network.bRec();
        double[] bOut = network.bOut();

        double[] z = new double[n];
        double[] inputCurrent = new double[n];
        double[] current = new double[n];
        double[] drive = new double[nOut];
        double[] y = new double[nOut];
        double[] values = input.values();
        double[] readoutTrace = new double[input.trials() * steps * nOut];
        double[] voltage = options.states() ? new double[input.trials() * steps * n] : null;
        double[] threshold = options.states() && spiking ? new double[input.trials() * steps * n] : null;
        SpikeRaster.Builder raster = new SpikeRaster.Builder(input.trials(), steps, n);
        long spikeCount = 0;

        for (int trial = 0; trial < input.trials(); trial++) {
            if (state != null) {
                state.reset();
            }
            Arrays.fill(z, 0.0);
            Arrays.fill(y, 0.0);
            for (int t = 0; t < steps; t++) {
                int row = trial * steps + t;
                inputTile.multiply(values, input.offset(trial, t), inputCurrent, 0, noise);
                recurrentTile.multiply(z, 0, current, 0, noise);
                for (int j = 0; j < n; j++) {
                    current[j] += bRec[j] + inputCurrent[j];
                }
                if (spiking) {
                    Arrays.fill(z, 0.0);
                    int count = units.step(state, 0, current, 0);
                    int[] spiked = state.spiked(0);
                    spikeCount += count;
                    for (int s = 0; s < count; s++) {
                        z[spiked[s]] = 1.0;
                        raster.add(trial, t, spiked[s]);
                    }
                    if (threshold != null) {
                        units.thresholds(state, 0, threshold, row * n);
                    }
                } else {
                    rateModel.step(current, z, 0, n);
                }
                if (voltage != null) {
                    System.arraycopy(spiking ? state.voltage() : z, 0, voltage, row * n, n);
                }
                readoutTile.multiply(z, 0, drive, 0, noise);
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + drive[o] + bOut[o];
                }
                System.arraycopy(y, 0, readoutTrace, row * nOut, nOut);
            }
        }
        long perStep = (long) n * (nIn + n) + (long) nOut * n;
        long macs = perStep * input.trials() * steps;
        OpCounts counts = new OpCounts(spikeCount, macs, (long) input.trials() * steps * n, macs);
        return new Recording(input.trials(), steps, n, nOut, raster.build(), readoutTrace, voltage, threshold, counts);
    }

    private AnalogTile tile(double[] weights, int rows, int cols, double fullScale) {
        // an all-zero matrix has no devices programmed: any full scale reads it as zeros
        return new AnalogTile(weights, rows, cols, fullScale > 0 ? fullScale : 1.0, periphery);
    }
}
