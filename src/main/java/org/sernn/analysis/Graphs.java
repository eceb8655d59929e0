package org.sernn.analysis;

import org.sernn.linalg.DenseMatrix;

/**
 * Connection matrices for the graph metrics. The recurrent weights are stored (post, pre); the
 * graph metrics use A[i][j] = |w_{i->j}| (pre, post, as docs/analysis.md) with a zero
 * diagonal, and the undirected metrics (BCT's *_und, *_bu, *_wu) use its symmetric part
 * (A + A^T) / 2.
 */
public final class Graphs {
    private Graphs() {
    }

    /** A[i][j] = |W[j][i]|: absolute weight from unit i to unit j, diagonal 0. */
    public static double[][] absoluteFromTo(DenseMatrix wRecPostPre) {
        int n = wRecPostPre.rows();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = i == j ? 0.0 : Math.abs(wRecPostPre.get(j, i)); // (post, pre) -> (pre, post)
            }
        }
        return a;
    }

    /** (A + A^T) / 2 with a zero diagonal. */
    public static double[][] symmetrised(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = i == j ? 0.0 : 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return s;
    }

    /** 1 where the entry is non-zero, else 0. */
    public static double[][] binarised(double[][] a) {
        int n = a.length;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = a[i][j] != 0.0 ? 1.0 : 0.0;
            }
        }
        return b;
    }

    /** Number of undirected edges (non-zero entries above the diagonal). */
    public static int undirectedEdges(double[][] a) {
        int edges = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                edges += a[i][j] != 0.0 ? 1 : 0;
            }
        }
        return edges;
    }

    /** Every entry divided by the largest (BCT weight_conversion 'normalize'); all-zero stays zero. */
    public static double[][] normalisedByMax(double[][] a) {
        double max = 0;
        for (double[] row : a) {
            for (double value : row) {
                max = Math.max(max, value);
            }
        }
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = max > 0 ? a[i][j] / max : 0.0;
            }
        }
        return out;
    }
}
