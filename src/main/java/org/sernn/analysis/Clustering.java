package org.sernn.analysis;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.ClusteringCoefficient;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Clustering coefficients of an undirected graph (Brain Connectivity Toolbox): clustering_coef_bu
 * (Watts and Strogatz 1998: triangles through a node over k(k - 1) / 2; 0 when k < 2; computed with
 * JGraphT) and clustering_coef_wu (Onnela et al. 2005: the diagonal of (W^(1/3))^3 over k(k - 1),
 * weights first divided by the largest).
 */
public final class Clustering {
    private Clustering() {
    }

    public static double[] binary(double[][] adjacency) {
        int n = adjacency.length;
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (adjacency[i][j] != 0.0) {
                    graph.addEdge(i, j);
                }
            }
        }
        ClusteringCoefficient<Integer, DefaultEdge> scores = new ClusteringCoefficient<>(graph);
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = graph.degreeOf(i) < 2 ? 0.0 : scores.getVertexScore(i);
        }
        return c;
    }

    public static double[] weighted(double[][] symmetricWeights) {
        int n = symmetricWeights.length;
        double[][] w = Graphs.normalisedByMax(symmetricWeights);
        double[][] cube = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cube[i][j] = Math.cbrt(w[i][j]);
            }
        }
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            int degree = 0;
            double cycles = 0;   // (W^(1/3))^3 [i][i] = sum_jk w_ij w_jk w_ki
            for (int j = 0; j < n; j++) {
                if (w[i][j] == 0.0) {
                    continue;
                }
                degree++;
                for (int k = 0; k < n; k++) {
                    cycles += cube[i][j] * cube[j][k] * cube[k][i];
                }
            }
            c[i] = degree < 2 ? 0.0 : cycles / ((double) degree * (degree - 1));
        }
        return c;
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length > 0 ? sum / values.length : Double.NaN;
    }
}
