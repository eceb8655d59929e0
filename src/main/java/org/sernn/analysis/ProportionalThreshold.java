package org.sernn.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * BCT threshold_proportional (Rubinov and Sporns 2010) for an undirected matrix: keeps the
 * round(p * n(n - 1) / 2) strongest upper-triangle weights (and their mirror images), sets every
 * other entry and the diagonal to 0. Ties are broken by position (row-major), deterministically.
 */
public final class ProportionalThreshold {
    private ProportionalThreshold() {
    }

    public static double[][] apply(double[][] symmetric, double proportion) {
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("threshold proportion must be in [0, 1], was " + proportion);
        }
        int n = symmetric.length;
        Integer[] order = new Integer[n * (n - 1) / 2];
        int[] rows = new int[order.length];
        int[] cols = new int[order.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                rows[k] = i;
                cols[k] = j;
                order[k] = k;
                k++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer e) -> -symmetric[rows[e]][cols[e]]));
        long keep = Math.round(proportion * order.length);
        double[][] out = new double[n][n];
        for (int e = 0; e < keep; e++) {
            int i = rows[order[e]];
            int j = cols[order[e]];
            out[i][j] = symmetric[i][j];
            out[j][i] = symmetric[i][j];
        }
        return out;
    }
}
