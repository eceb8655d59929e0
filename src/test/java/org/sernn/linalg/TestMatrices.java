package org.sernn.linalg;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded test matrices and independent (Commons Math, plain loop) references for the linalg tests. */
final class TestMatrices {

    private TestMatrices() {
    }

    /** n x n with independent standard normal entries, scaled to the given 1-norm. */
    static double[][] gaussian(int n, double norm1, Random rng) {
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return scaledToNorm1(a, norm1);
    }

    /** Symmetric n x n, (G + G^T) / 2 of a standard normal G, scaled to the given 1-norm. */
    static double[][] symmetric(int n, double norm1, Random rng) {
        double[][] g = gaussian(n, 1, rng);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (g[i][j] + g[j][i]);
            }
        }
        return scaledToNorm1(a, norm1);
    }

    static double[][] scaledToNorm1(double[][] a, double norm1) {
        double c = norm1 / norm1(a);
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < a.length; j++) {
                out[i][j] *= c;
            }
        }
        return out;
    }

    /** Maximum absolute column sum, by plain loops. */
    static double norm1(double[][] a) {
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            double sum = 0;
            for (double[] row : a) {
                sum += Math.abs(row[j]);
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** f(A) = V diag(f(lambda)) V^T for symmetric A, from Commons Math's EigenDecomposition. */
    static double[][] symmetricFunction(double[][] a, DoubleUnaryOperator f) {
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(a));
        RealMatrix v = eig.getV();
        double[] lambda = eig.getRealEigenvalues();
        int n = a.length;
        RealMatrix scaled = v.copy();
        for (int j = 0; j < n; j++) {
            double fj = f.applyAsDouble(lambda[j]);
            for (int i = 0; i < n; i++) {
                scaled.multiplyEntry(i, j, fj);
            }
        }
        return scaled.multiply(v.transpose()).getData();
    }

    /** ||actual - expected||_F / ||expected||_F. */
    static double relativeFrobenius(double[][] actual, double[][] expected) {
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                double d = actual[i][j] - expected[i][j];
                diff += d * d;
                ref += expected[i][j] * expected[i][j];
            }
        }
        return Math.sqrt(diff / ref);
    }

    static double relativeFrobenius(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    static INDArray nd(double[][] a) {
        return Nd4j.createFromArray(a);
    }
}
