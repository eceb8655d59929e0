package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.Periphery;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.sim.Simulator;
import org.sernn.sim.StepLoop;

/**
 * The crossbar read path: the engines' step loop ({@link StepLoop}, order of {@link Simulator}) with
 * every synaptic product read through an {@link AnalogTile} (DAC, output noise, ADC) of w_in, w_rec
 * and w_out, one trial and step at a time ({@link AnalogInput}); the units are the network's neuron
 * model, as in every engine. Biases and the readout's leak are digital. On a crossbar every device of
 * every column is read each step, so the synaptic events counted are the dense multiply-accumulates.
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
        int n = network.nRec();
        int nIn = network.nIn();
        int nOut = network.nOut();
        AnalogInput synapses = new AnalogInput(network, tile(network.wIn().toArray(), n, nIn, fullScales[0]),
                tile(network.wRec().toArray(), n, n, fullScales[1]),
                tile(network.wOut().toArray(), nOut, n, fullScales[2]), new SplittableRandom(noiseSeed));
        return StepLoop.run(network, input, options, synapses);
    }

    private AnalogTile tile(double[] weights, int rows, int cols, double fullScale) {
        // an all-zero matrix has no devices programmed: any full scale reads it as zeros
        return new AnalogTile(weights, rows, cols, fullScale > 0 ? fullScale : 1.0, periphery);
    }
}
