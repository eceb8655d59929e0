package org.sernn.analysis;

/**
 * Newman's modularity of a partition of an undirected weighted graph, as BCT computes it
 * (modularity_und, community_louvain): Q = (1 / m) sum_ij [A_ij - gamma k_i k_j / m] delta(c_i, c_j)
 * with k_i = sum_j A_ij and m = sum_ij A_ij (each edge counted twice).
 */
public record Modularity(int[] modules, double q) {

    public static double q(double[][] a, int[] modules, double gamma) {
        int n = a.length;
        double[] k = strengths(a);
        double m = 0;
        for (double ki : k) {
            m += ki;
        }
        if (m == 0) {
            return 0.0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (modules[i] == modules[j]) {
                    sum += a[i][j] - gamma * k[i] * k[j] / m;
                }
            }
        }
        return sum / m;
    }

    static double[] strengths(double[][] a) {
        double[] k = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (double value : a[i]) {
                k[i] += value;
            }
        }
        return k;
    }

    /** Module labels renumbered 0, 1, ... in order of first appearance. */
    static int[] relabelled(int[] modules) {
        java.util.Map<Integer, Integer> labels = new java.util.HashMap<>();
        int[] out = new int[modules.length];
        for (int i = 0; i < modules.length; i++) {
            out[i] = labels.computeIfAbsent(modules[i], key -> labels.size());
        }
        return out;
    }

    public int moduleCount() {
        int max = -1;
        for (int module : modules) {
            max = Math.max(max, module);
        }
        return max + 1;
    }
}
