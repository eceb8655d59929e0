package org.sernn.model;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.SparseMatrix;
import org.sernn.linalg.WeightMatrix;

/** Draws weight matrices, stored (post, pre), from a {@link ModelConfig.WeightInit}. */
final class WeightInitializer {
    private WeightInitializer() {
    }

    static DenseMatrix draw(ModelConfig.WeightInit init, int rows, int cols, SplittableRandom random) {
        return switch (init.init()) {
            case ZEROS -> DenseMatrix.zeros(rows, cols);
            case GAUSSIAN, GLOROT_UNIFORM -> drawMasked(init, rows, cols, false, random).toDense();
            case ORTHOGONAL -> DenseMatrix.of(rows, cols, masked(orthogonal(rows, init.gain(), random),
                    init.connectionProb(), random));
        };
    }

    /**
     * The recurrent weights (n, n): drawn as {@link #draw} would, then without self-connections if
     * asked and with Dale's signs when {@code daleExcitatory} is not null. A masked draw (Gaussian or
     * Glorot with connection probability below 1) without Dale's signs is built straight into sparse
     * form, and held sparse if that is smaller ({@link WeightMatrix#worthHoldingSparse}); the random
     * stream and the entries are the same either way.
     */
    static WeightMatrix drawRecurrent(ModelConfig.WeightInit init, int n, boolean withoutSelfConnections,
            boolean[] daleExcitatory, SplittableRandom random) {
        boolean masked = init.init() == WeightInitKind.GAUSSIAN || init.init() == WeightInitKind.GLOROT_UNIFORM;
        if (masked && init.connectionProb() < 1.0 && daleExcitatory == null) {
            SparseMatrix drawn = drawMasked(init, n, n, withoutSelfConnections, random);
            return WeightMatrix.worthHoldingSparse(drawn.nonZeros(), (long) n * n) ? WeightMatrix.of(drawn)
                    : WeightMatrix.of(drawn.toDense());
        }
        DenseMatrix w = draw(init, n, n, random);
        if (withoutSelfConnections) {
            w = withoutSelfConnections(w);
        }
        return WeightMatrix.of(daleExcitatory == null ? w : withDaleSigns(w, daleExcitatory));
    }

    /**
     * Row-major, each entry exists with probability p (a mask draw before its value) and is then
     * N(0, std^2) with std = gain / sqrt(p cols) (Gaussian), or uniform on [-limit, limit] with
     * limit = gain sqrt(6 / (rows + cols) / p) (Glorot). Diagonal entries are drawn, then dropped, when
     * {@code skipDiagonal}, so the stream does not depend on it.
     */
    private static SparseMatrix drawMasked(ModelConfig.WeightInit init, int rows, int cols, boolean skipDiagonal,
            SplittableRandom random) {
        double p = init.connectionProb();
        boolean gaussian = init.init() == WeightInitKind.GAUSSIAN;
        double scale = gaussian ? init.gain() / Math.sqrt(Math.max(p * cols, 1e-12))
                : init.gain() * Math.sqrt(6.0 / (rows + cols) / Math.max(p, 1e-12));
        long expected = (long) Math.ceil(Math.min(p, 1.0) * rows * cols);
        SparseMatrix.Builder w = new SparseMatrix.Builder(rows, cols, (int) Math.min(expected, 1 << 30));
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                if (p >= 1.0 || random.nextDouble() < p) {
                    double value = gaussian ? scale * random.nextGaussian() : scale * (2 * random.nextDouble() - 1);
                    if (!skipDiagonal || row != col) {
                        w.add(col, value);
                    }
                }
            }
            w.endRow();
        }
        return w.build();
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

    private static DenseMatrix withoutSelfConnections(DenseMatrix w) {
        double[] data = w.toArray();
        for (int i = 0; i < w.rows(); i++) {
            data[i * w.cols() + i] = 0.0;
        }
        return DenseMatrix.of(w.rows(), w.cols(), data);
    }

    /** Dale's law on (post, pre) weights: column i takes the sign of presynaptic unit i. */
    private static DenseMatrix withDaleSigns(DenseMatrix w, boolean[] excitatory) {
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
