package org.sernn.export;

import org.sernn.linalg.DenseMatrix;

/**
 * A weight matrix (post, pre) held as integers and one scale: weight = value * scale. A hardware
 * profile's quantiser produces these; exporters write the integers and record the scale.
 *
 * @param values row-major integer values
 * @param scale  real weight per integer step, > 0
 */
public record QuantisedWeights(int rows, int cols, int[] values, double scale) {

    public QuantisedWeights {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("quantised weights (" + rows + ", " + cols + ") need " + rows * cols
                    + " values, got " + values.length);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the weight scale must be finite and > 0, was " + scale);
        }
        values = values.clone();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    public int value(int row, int col) {
        return values[row * cols + col];
    }

    /** The real weights these integers stand for. */
    public DenseMatrix dequantised() {
        double[] real = new double[values.length];
        for (int i = 0; i < real.length; i++) {
            real[i] = values[i] * scale;
        }
        return DenseMatrix.of(rows, cols, real);
    }

    /** Integers by rounding {@code weights / scale} to the nearest integer. */
    public static QuantisedWeights round(DenseMatrix weights, double scale) {
        double[] w = weights.toArray();
        int[] values = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            values[i] = Math.toIntExact(Math.round(w[i] / scale));
        }
        return new QuantisedWeights(weights.rows(), weights.cols(), values, scale);
    }
}
