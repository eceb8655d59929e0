package org.sernn.analysis;

/** Small undirected graphs with known metric values, as adjacency matrices. */
final class SmallGraphs {
    private SmallGraphs() {
    }

    /** Ring of n nodes, each joined to its k nearest neighbours on either side (degree 2k). */
    static double[][] ringLattice(int n, int k) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int d = 1; d <= k; d++) {
                a[i][(i + d) % n] = 1;
                a[(i + d) % n][i] = 1;
            }
        }
        return a;
    }

    /** Two cliques of size s (nodes 0..s-1 and s..2s-1) joined by the edge (s-1, s). */
    static double[][] twoCliques(int s) {
        double[][] a = new double[2 * s][2 * s];
        for (int c = 0; c < 2; c++) {
            for (int i = c * s; i < (c + 1) * s; i++) {
                for (int j = c * s; j < (c + 1) * s; j++) {
                    a[i][j] = i == j ? 0 : 1;
                }
            }
        }
        a[s - 1][s] = 1;
        a[s][s - 1] = 1;
        return a;
    }

    /** Star: node 0 joined to nodes 1..leaves. */
    static double[][] star(int leaves) {
        double[][] a = new double[leaves + 1][leaves + 1];
        for (int i = 1; i <= leaves; i++) {
            a[0][i] = 1;
            a[i][0] = 1;
        }
        return a;
    }
}
