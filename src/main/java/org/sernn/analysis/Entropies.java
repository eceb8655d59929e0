package org.sernn.analysis;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/** Entropy measures of a connection matrix used by Achterberg, Akarca et al. 2023 (docs/analysis.md). */
public final class Entropies {
    private Entropies() {
    }

    /**
     * Random-walk entropy: mean_i of -sum_j p_ij ln p_ij with p_ij = A_ij / sum_j A_ij, A[i][j] the
     * weight from i to j (a unit without outgoing weight contributes 0).
     */
    public static double randomWalk(double[][] fromTo) {
        int n = fromTo.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double rowSum = 0;
            for (double value : fromTo[i]) {
                rowSum += value;
            }
            if (rowSum <= 0) {
                continue;
            }
            for (double value : fromTo[i]) {
                if (value > 0) {
                    double p = value / rowSum;
                    sum -= p * Math.log(p);
                }
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** Topological entropy: ln of the largest eigenvalue of a symmetric binary adjacency matrix. */
    public static double topological(double[][] binarySymmetric) {
        if (binarySymmetric.length == 0) {
            return Double.NaN;
        }
        double[] values = new EigenDecomposition(MatrixUtils.createRealMatrix(binarySymmetric)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return Math.log(max);
    }
}
