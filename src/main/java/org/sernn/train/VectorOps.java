package org.sernn.train;

/**
 * The inner loops of the sparse BPTT passes on whole rows (separate arrays indexed from 0, the form
 * that the JIT compiler vectorises).
 */
final class VectorOps {
    private VectorOps() {
    }

    /** y += x. */
    static void add(double[] x, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] += x[k];
        }
    }

    /** y += x1 + x2 (one pass over y for two rows). */
    static void addTwo(double[] x1, double[] x2, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] += x1[k] + x2[k];
        }
    }

    /** y += s x. */
    static void addScaled(double s, double[] x, double[] y) {
        addScaled(s, x, 0, y, 0, y.length);
    }

    /** y[yFrom + k] += s x[xFrom + k] for k in [0, length): one row of a matrix held row by row. */
    static void addScaled(double s, double[] x, int xFrom, double[] y, int yFrom, int length) {
        for (int k = 0; k < length; k++) {
            y[yFrom + k] += s * x[xFrom + k];
        }
    }

    /** x . y, with four partial sums for instruction-level parallelism (a fixed order: deterministic). */
    static double dot(double[] x, double[] y) {
        int n = x.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < n; k++) {
            s0 += x[k] * y[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
