package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.model.Network;
import org.sernn.neuron.SpikingState;
import org.sernn.sim.InputBatch;
import org.sernn.sim.SynapticInput;

/**
 * Synaptic input on a crossbar, one trial at a time: every product with w_in, w_rec and w_out is read
 * through an {@link AnalogTile} (DAC, output noise, ADC), in that order each step, drawing the noise
 * from one seeded generator; biases and the readout's leak are digital. Every device of every column
 * is read each step, so the synaptic events are the dense multiply-accumulates.
 */
final class AnalogInput implements SynapticInput {
    private final AnalogTile inputTile;
    private final AnalogTile recurrentTile;
    private final AnalogTile readoutTile;
    private final SplittableRandom noise;
    private final double[] bRec;
    private final double[] bOut;
    private final double kappa;
    private final double[] inputCurrent;
    private final double[] drive;
    private final long inputMacs;
    private final long readoutMacs;
    private long events;

    AnalogInput(Network network, AnalogTile inputTile, AnalogTile recurrentTile, AnalogTile readoutTile,
            SplittableRandom noise) {
        this.inputTile = inputTile;
        this.recurrentTile = recurrentTile;
        this.readoutTile = readoutTile;
        this.noise = noise;
        this.bRec = network.bRec();
        this.bOut = network.bOut();
        this.kappa = network.neurons().kappa();
        int n = network.nRec();
        this.inputCurrent = new double[n];
        this.drive = new double[network.nOut()];
        this.inputMacs = (long) n * (network.nIn() + n);
        this.readoutMacs = (long) network.nOut() * n;
    }

    @Override
    public int groupSize(int trials) {
        return 1;
    }

    @Override
    public void current(InputBatch input, int first, int count, int t, double[] z, SpikingState spikes,
            double[] current) {
        inputTile.multiply(input.values(), input.offset(first, t), inputCurrent, 0, noise);
        recurrentTile.multiply(z, 0, current, 0, noise);
        for (int j = 0; j < bRec.length; j++) {
            current[j] += bRec[j] + inputCurrent[j];
        }
        events += inputMacs;
    }

    @Override
    public void readout(int first, int count, double[] z, SpikingState spikes, double[] y) {
        readoutTile.multiply(z, 0, drive, 0, noise);
        for (int o = 0; o < y.length; o++) {
            y[o] = kappa * y[o] + drive[o] + bOut[o];
        }
        events += readoutMacs;
    }

    @Override
    public long synapticEvents() {
        return events;
    }
}
