package org.sernn.analysis;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.sernn.linalg.DenseMatrix;

/**
 * Summary statistics of the recurrent weights used to follow training (Achterberg, Akarca et al.
 * 2023): total |W|, the fraction of off-diagonal weights below a threshold, and the Pearson
 * correlation of |W| with distance over the non-zero off-diagonal weights (negative in seRNNs).
 */
public final class WeightStatistics {
    private WeightStatistics() {
    }

    public static double totalAbsolute(double[] w) {
        double sum = 0;
        for (double value : w) {
            sum += Math.abs(value);
        }
        return sum;
    }

    /** Fraction of off-diagonal entries with |w| below {@code threshold}. */
    public static double fractionBelow(double[] w, int n, double threshold) {
        long below = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && Math.abs(w[i * n + j]) < threshold) {
                    below++;
                }
            }
        }
        return n > 1 ? (double) below / ((long) n * (n - 1)) : 0.0;
    }

    /** Pearson corr(|W|, D) over non-zero off-diagonal weights; NaN with fewer than 3 of them. */
    public static double weightDistanceCorrelation(double[] w, int n, DenseMatrix distance) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                count += i != j && w[i * n + j] != 0.0 ? 1 : 0;
            }
        }
        if (count < 3) {
            return Double.NaN;
        }
        double[] magnitude = new double[count];
        double[] length = new double[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && w[i * n + j] != 0.0) {
                    magnitude[k] = Math.abs(w[i * n + j]);
                    length[k] = distance.get(i, j);
                    k++;
                }
            }
        }
        return new PearsonsCorrelation().correlation(magnitude, length);
    }
}
