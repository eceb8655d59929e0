package org.sernn.train;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.sernn.linalg.DenseMatrix;

/**
 * Summary statistics of the recurrent weights used to follow training (Achterberg, Akarca et al.
 * 2023): total |W| (diagonal included), the fraction of off-diagonal weights below a threshold, and the Pearson
 * correlation of |W| with distance over the non-zero off-diagonal weights (negative in seRNNs),
 * its Spearman (rank) version, and counts of off-diagonal weights with |w| above thresholds.
 */
public final class WeightStatistics {
    private WeightStatistics() {
    }

    /**
     * {@code total_abs_w_rec}, the one definition behind metrics.csv and metrics.json: the total
     * absolute weight of the recurrent layer, sum over all i, j of |W_ij| (Achterberg, Akarca et al.
     * 2023 compare networks at matched total |W|). Self-connections count: they are synapses of the
     * layer like any other, cost what any other costs on hardware, and the L1 regulariser pays for
     * them. Configs never create them; an imported network may have them. The graph metrics, which
     * are about connections between units, leave the diagonal out.
     */
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

    /** Number of off-diagonal entries with |w| strictly above {@code threshold}. */
    public static long countAbove(double[] w, int n, double threshold) {
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                count += i != j && Math.abs(w[i * n + j]) > threshold ? 1 : 0;
            }
        }
        return count;
    }

    /** Pearson corr(|W|, D) over non-zero off-diagonal weights; NaN with fewer than 3 of them. */
    public static double weightDistanceCorrelation(double[] w, int n, DenseMatrix distance) {
        double[][] pairs = nonZeroPairs(w, n, distance);
        return pairs == null ? Double.NaN : new PearsonsCorrelation().correlation(pairs[0], pairs[1]);
    }

    /** Spearman rank corr(|W|, D) over non-zero off-diagonal weights; NaN with fewer than 3 of them. */
    public static double weightDistanceRankCorrelation(double[] w, int n, DenseMatrix distance) {
        double[][] pairs = nonZeroPairs(w, n, distance);
        return pairs == null ? Double.NaN : new SpearmansCorrelation().correlation(pairs[0], pairs[1]);
    }

    /** {|w_ij|} and {D_ij} over non-zero off-diagonal weights, or null with fewer than 3. */
    private static double[][] nonZeroPairs(double[] w, int n, DenseMatrix distance) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                count += i != j && w[i * n + j] != 0.0 ? 1 : 0;
            }
        }
        if (count < 3) {
            return null;
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
        return new double[][] {magnitude, length};
    }
}
