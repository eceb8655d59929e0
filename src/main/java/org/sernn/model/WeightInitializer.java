package org.sernn.model;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sernn.linalg.DenseMatrix;

/** Draws weight matrices, stored (post, pre), from a {@link ModelConfig.WeightInit}. */
final class WeightInitializer {
    private WeightInitializer() {
    }

    static DenseMatrix draw(ModelConfig.WeightInit init, int rows, int cols, SplittableRandom random) {
        double p = init.connectionProb();
        double[] w = switch (init.init()) {
            case ZEROS -> new double[rows * cols];
            case GAUSSIAN -> sparseGaussian(rows, cols, p, init.gain() / Math.sqrt(Math.max(p * cols, 1e-12)), random);
            case ORTHOGONAL -> masked(orthogonal(rows, init.gain(), random), p, random);
            case GLOROT_UNIFORM -> sparseUniform(rows, cols, p, init.gain() * Math.sqrt(6.0 / (rows + cols)
                    / Math.max(p, 1e-12)), random);
        };
        return DenseMatrix.of(rows, cols, w);
    }

    /** Each entry exists with probability p and is then N(0, std^2); a mask is drawn before values. */
    private static double[] sparseGaussian(int rows, int cols, double p, double std, SplittableRandom random) {
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            if (p >= 1.0 || random.nextDouble() < p) {
                w[i] = std * random.nextGaussian();
            }
        }
        return w;
    }

    /** Each entry exists with probability p and is then uniform on [-limit, limit]; a mask is drawn before values. */
    private static double[] sparseUniform(int rows, int cols, double p, double limit, SplittableRandom random) {
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            if (p >= 1.0 || random.nextDouble() < p) {
                w[i] = limit * (2 * random.nextDouble() - 1);
            }
        }
        return w;
    }

    /**
     * A Haar-random orthogonal matrix times gain: Q of the QR decomposition of a Gaussian matrix, its
     * columns' signs fixed by diag(R) (Mezzadri 2007), as the original seRNN's orthogonal initialiser.
     */
    private static double[] orthogonal(int n, double gain, SplittableRandom random) {
        double[][] g = new double[n][n];
        for (double[] row : g) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix r = qr.getR();
        double[] w = new double[n * n];
        for (int j = 0; j < n; j++) {
            double sign = r.getEntry(j, j) < 0 ? -1.0 : 1.0;
            for (int i = 0; i < n; i++) {
                w[i * n + j] = gain * sign * q.getEntry(i, j);
            }
        }
        return w;
    }

    /** Keeps each entry with probability p, rescaled by 1 / sqrt(p) to keep the expected row norm. */
    private static double[] masked(double[] w, double p, SplittableRandom random) {
        if (p >= 1.0) {
            return w;
        }
        double scale = p > 0 ? 1.0 / Math.sqrt(p) : 0.0;
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble() < p ? w[i] * scale : 0.0;
        }
        return w;
    }

    static DenseMatrix withoutSelfConnections(DenseMatrix w) {
        double[] data = w.toArray();
        for (int i = 0; i < w.rows(); i++) {
            data[i * w.cols() + i] = 0.0;
        }
        return DenseMatrix.of(w.rows(), w.cols(), data);
    }

    /** Dale's law on (post, pre) weights: column i takes the sign of presynaptic unit i. */
    static DenseMatrix withDaleSigns(DenseMatrix w, boolean[] excitatory) {
        double[] data = w.toArray();
        for (int post = 0; post < w.rows(); post++) {
            for (int pre = 0; pre < w.cols(); pre++) {
                double magnitude = Math.abs(data[post * w.cols() + pre]);
                data[post * w.cols() + pre] = excitatory[pre] ? magnitude : -magnitude;
            }
        }
        return DenseMatrix.of(w.rows(), w.cols(), data);
    }
}
