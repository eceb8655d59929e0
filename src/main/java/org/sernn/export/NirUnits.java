package org.sernn.export;

import static org.sernn.export.NirWeights.scaleRows;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;

/**
 * The recurrent units being assembled: the population, and optionally a spiking output layer
 * appended after it (its input weights a block of W_rec, read from the previous step's spikes).
 */
record NirUnits(double[] tauMemMs, double[] alphaSyn, double[] vTh, DenseMatrix wIn, DenseMatrix wRec,
        double[] drive, int nPopulation) {
    NirUnits(NirSpikingLayer layer, DenseMatrix wIn, DenseMatrix wRec, double[] drive) {
        this(layer.tauMemMs(), layer.alphaSyn(), layer.vTh(), wIn, wRec, drive, layer.size());
    }

    /** @param weights (m, n) from the population to the layer, unscaled; bias (m) */
    NirUnits withOutputLayer(NirSpikingLayer out, DenseMatrix weights, double[] bias) {
        int n = nPopulation;
        int m = out.size();
        int total = n + m;
        int nIn = wIn.cols();
        double[] in = new double[total * nIn];
        System.arraycopy(wIn.toArray(), 0, in, 0, n * nIn);
        double[] rec = new double[total * total];
        double[] fromPopulation = scaleRows(weights, out.gain()).toArray();
        double[] population = wRec.toArray();   // one copy, not one per row
        for (int i = 0; i < n; i++) {
            System.arraycopy(population, i * n, rec, i * total, n);
        }
        for (int k = 0; k < m; k++) {
            System.arraycopy(fromPopulation, k * n, rec, (n + k) * total, n);
        }
        return new NirUnits(concat(tauMemMs, out.tauMemMs()), concat(alphaSyn, out.alphaSyn()), concat(vTh, out.vTh()),
                DenseMatrix.of(total, nIn, in), DenseMatrix.of(total, total, rec), concat(drive, driveOf(out, bias)),
                n);
    }

    /** The readout of an appended output layer: its units' spikes, W_out = [0 | I]. */
    DenseMatrix outputSpikes() {
        int total = wRec.rows();
        int m = total - nPopulation;
        double[] out = new double[m * total];
        for (int k = 0; k < m; k++) {
            out[k * total + nPopulation + k] = 1.0;
        }
        return DenseMatrix.of(m, total, out);
    }

    /** The per-step constant drive of a layer's units: biases through the input gain, plus the leak. */
    static double[] driveOf(NirSpikingLayer layer, double[] bias) {
        double[] out = new double[bias.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = layer.gain()[j] * bias[j] + layer.leakDrive()[j];
        }
        return out;
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
