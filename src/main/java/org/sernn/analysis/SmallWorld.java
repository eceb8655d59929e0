package org.sernn.analysis;

import java.util.SplittableRandom;

/**
 * Small-worldness sigma = (C / C_null) / (L / L_null) (Humphries et al., Proc. R. Soc. B 275:929,
 * 2008), as in Achterberg, Akarca et al. 2023: C is the mean binary clustering (clustering_coef_bu)
 * and L the characteristic path length (charpath) of an undirected binary graph; C_null and L_null
 * are their means over {@code nulls} random graphs with the same number of nodes and edges (G(n, M),
 * seeded).
 */
public record SmallWorld(double sigma, double clustering, double pathLength, double nullClustering,
        double nullPathLength, int nulls) {

    public static SmallWorld of(double[][] binaryUndirected, int nulls, long seed) {
        if (nulls < 1) {
            throw new IllegalArgumentException("small-world sigma needs at least one null graph, was " + nulls);
        }
        int n = binaryUndirected.length;
        int edges = Graphs.undirectedEdges(binaryUndirected);
        double c = Clustering.mean(Clustering.binary(binaryUndirected));
        double l = GraphPaths.characteristicPathLength(GraphPaths.binaryDistances(binaryUndirected));
        SplittableRandom random = new SplittableRandom(seed);
        double cNull = 0;
        double lNull = 0;
        for (int k = 0; k < nulls; k++) {
            double[][] g = randomGraph(n, edges, random);
            cNull += Clustering.mean(Clustering.binary(g));
            lNull += GraphPaths.characteristicPathLength(GraphPaths.binaryDistances(g));
        }
        cNull /= nulls;
        lNull /= nulls;
        return new SmallWorld((c / cNull) / (l / lNull), c, l, cNull, lNull, nulls);
    }

    /** A uniformly random undirected simple graph with n nodes and exactly {@code edges} edges. */
    public static double[][] randomGraph(int n, int edges, SplittableRandom random) {
        int pairs = n * (n - 1) / 2;
        if (edges > pairs) {
            throw new IllegalArgumentException(edges + " edges do not fit in a simple graph of " + n + " nodes");
        }
        int[] index = new int[pairs];
        for (int p = 0; p < pairs; p++) {
            index[p] = p;
        }
        for (int p = 0; p < edges; p++) {   // partial Fisher-Yates: the first `edges` pairs are a uniform sample
            int q = p + random.nextInt(pairs - p);
            int swap = index[p];
            index[p] = index[q];
            index[q] = swap;
        }
        int[] rowOf = new int[pairs];
        int[] colOf = new int[pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                rowOf[k] = i;
                colOf[k] = j;
                k++;
            }
        }
        double[][] g = new double[n][n];
        for (int p = 0; p < edges; p++) {
            g[rowOf[index[p]]][colOf[index[p]]] = 1;
            g[colOf[index[p]]][rowOf[index[p]]] = 1;
        }
        return g;
    }
}
