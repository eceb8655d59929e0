package org.sernn.analysis;

import java.util.SplittableRandom;
import org.sernn.util.Permutations;

/**
 * Louvain community detection (Blondel et al., J. Stat. Mech. P10008, 2008), the method of BCT
 * community_louvain for undirected weighted graphs with resolution gamma: move single nodes to the
 * neighbouring module with the largest modularity gain (in a seeded random order) until nothing
 * moves, merge each module into one node, repeat until a pass changes nothing. The best of
 * {@code restarts} seeded runs is returned. Cost about O(n^2) per pass on a dense matrix.
 */
public final class Louvain {
    private Louvain() {
    }

    public static Modularity detect(double[][] symmetric, double gamma, int restarts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Modularity best = null;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            int[] modules = Modularity.relabelled(run(symmetric, gamma, random.split()));
            Modularity found = new Modularity(modules, Modularity.q(symmetric, modules, gamma));
            if (best == null || found.q() > best.q()) {
                best = found;
            }
        }
        return best;
    }

    private static int[] run(double[][] a, double gamma, SplittableRandom random) {
        int n = a.length;
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        double[][] graph = a;
        while (true) {
            int[] level = moveNodes(graph, gamma, random);
            int count = 0;
            for (int c : level) {
                count = Math.max(count, c + 1);
            }
            if (count == graph.length) {
                return membership;
            }
            for (int i = 0; i < n; i++) {
                membership[i] = level[membership[i]];
            }
            graph = aggregate(graph, level, count);
        }
    }

    /** One level of local moving; returns compact module labels of the graph's nodes. */
    private static int[] moveNodes(double[][] w, double gamma, SplittableRandom random) {
        int n = w.length;
        double[] k = Modularity.strengths(w);
        double m = 0;
        for (double ki : k) {
            m += ki;
        }
        int[] module = new int[n];
        double[] total = new double[n];   // sum of strengths in each module
        for (int i = 0; i < n; i++) {
            module[i] = i;
            total[i] = k[i];
        }
        if (m == 0) {
            return module;
        }
        double[] toModule = new double[n];
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int node : Permutations.random(n, random)) {
                int own = module[node];
                java.util.Arrays.fill(toModule, 0.0);
                for (int j = 0; j < n; j++) {
                    if (j != node && w[node][j] != 0.0) {
                        toModule[module[j]] += w[node][j];
                    }
                }
                total[own] -= k[node];
                // gain of joining c (up to terms that do not depend on c): k_i,c - gamma * Sigma_c * k_i / m
                int bestModule = own;
                double bestGain = toModule[own] - gamma * total[own] * k[node] / m;
                for (int c = 0; c < n; c++) {
                    if (c == own || toModule[c] == 0.0) {
                        continue;
                    }
                    double gain = toModule[c] - gamma * total[c] * k[node] / m;
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        bestModule = c;
                    }
                }
                total[bestModule] += k[node];
                if (bestModule != own) {
                    module[node] = bestModule;
                    moved = true;
                }
            }
        }
        return Modularity.relabelled(module);
    }

    private static double[][] aggregate(double[][] w, int[] module, int count) {
        double[][] out = new double[count][count];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                out[module[i]][module[j]] += w[i][j];
            }
        }
        return out;
    }

}
