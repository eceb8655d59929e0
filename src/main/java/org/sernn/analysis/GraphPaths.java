package org.sernn.analysis;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.FloydWarshallShortestPaths;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * Shortest-path metrics of an undirected graph with the Brain Connectivity Toolbox definitions
 * (Rubinov and Sporns, NeuroImage 52:1059, 2010): distance_bin / distance_wei (all-pairs shortest
 * paths, here JGraphT's Floyd-Warshall, O(n^3)), charpath and efficiency_wei.
 */
public final class GraphPaths {
    private GraphPaths() {
    }

    /** Shortest path lengths where an edge (i, j) has length {@code lengths[i][j]} (0 = no edge). */
    public static double[][] distances(double[][] lengths) {
        int n = lengths.length;
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (lengths[i][j] != 0.0) {
                    graph.setEdgeWeight(graph.addEdge(i, j), lengths[i][j]);
                }
            }
        }
        FloydWarshallShortestPaths<Integer, DefaultWeightedEdge> paths = new FloydWarshallShortestPaths<>(graph);
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0.0 : paths.getPathWeight(i, j);
            }
        }
        return d;
    }

    /**
     * BCT distance_bin: number of edges on the shortest path (infinite when unreachable), an edge
     * joining i and j when entry (i, j) with i < j is non-zero, as {@link #distances}. A breadth-first
     * search from every node, O(n (n + m)): the sweeps' small-world sigma computes this for hundreds of
     * null graphs per network, where Floyd-Warshall's O(n^3) on boxed weights took most of the analysis.
     */
    public static double[][] binaryDistances(double[][] adjacency) {
        int n = adjacency.length;
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adjacency[i][j] != 0.0) {
                    degree[i]++;
                    degree[j]++;
                }
            }
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adjacency[i][j] != 0.0) {
                    neighbours[i][degree[i]++] = j;
                    neighbours[j][degree[j]++] = i;
                }
            }
        }
        double[][] d = new double[n][n];
        int[] queue = new int[n];
        for (int source = 0; source < n; source++) {
            double[] row = d[source];
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
            row[source] = 0.0;
            int head = 0;
            int tail = 0;
            queue[tail++] = source;
            while (head < tail) {
                int node = queue[head++];
                for (int next : neighbours[node]) {
                    if (row[next] == Double.POSITIVE_INFINITY) {
                        row[next] = row[node] + 1;
                        queue[tail++] = next;
                    }
                }
            }
        }
        return d;
    }

    /**
     * BCT charpath: mean of the off-diagonal shortest path lengths. Unreachable pairs (infinite
     * distance) are left out (BCT's infinite_dist = 0), so that a null graph with an isolated node
     * still has a finite path length; NaN when no pair is connected.
     */
    public static double characteristicPathLength(double[][] distances) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < distances.length; i++) {
            for (int j = 0; j < distances.length; j++) {
                if (i != j && Double.isFinite(distances[i][j])) {
                    sum += distances[i][j];
                    count++;
                }
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * BCT efficiency_wei (global; Latora and Marchiori 2001): mean over ordered pairs i != j of
     * 1 / d_ij, with the weights first divided by the largest (BCT expects weights in [0, 1]) and
     * turned into lengths 1 / w.
     */
    public static double globalEfficiencyWeighted(double[][] symmetricWeights) {
        int n = symmetricWeights.length;
        if (n < 2) {
            return 0.0;
        }
        double[][] w = Graphs.normalisedByMax(symmetricWeights);
        double[][] lengths = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                lengths[i][j] = w[i][j] > 0 ? 1.0 / w[i][j] : 0.0;
            }
        }
        double[][] d = distances(lengths);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sum += 1.0 / d[i][j];   // 1 / inf = 0 for unreachable pairs
                }
            }
        }
        return sum / ((double) n * (n - 1));
    }
}
