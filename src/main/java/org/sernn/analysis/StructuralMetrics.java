package org.sernn.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.linalg.DenseMatrix;

/**
 * Structural metrics of a recurrent weight matrix with the Brain Connectivity Toolbox definitions,
 * as measured by Achterberg, Akarca et al. 2023 (docs/analysis.md). Weighted metrics use the
 * undirected |W| ((A + A^T) / 2); the binary ones use its strongest {@code proportion} of edges
 * (threshold_proportional, default 10%).
 */
public record StructuralMetrics(Map<String, Object> values, Modularity spectral, Modularity louvain) {
    /** Weight counts (docs/analysis.md): above 0, 1e-7 and 1e-3. */
    public static final double[] COUNT_THRESHOLDS = {0.0, 1e-7, 1e-3};

    /** Settings of the structural analysis. */
    public record Options(double proportion, int nulls, int louvainRestarts, double gamma, long seed) {
        public static final Options DEFAULTS = new Options(0.1, 1000, 10, 1.0, 1L);

        public Options {
            if (!(proportion > 0 && proportion <= 1) || nulls < 1 || louvainRestarts < 1) {
                throw new IllegalArgumentException("structural analysis: proportion in (0, 1], nulls >= 1 and "
                        + "restarts >= 1 (were " + proportion + ", " + nulls + ", " + louvainRestarts + ")");
            }
        }
    }

    public static StructuralMetrics of(DenseMatrix wRec, DenseMatrix distance, Options options) {
        int n = wRec.rows();
        double[] w = wRec.toArray();
        double[][] fromTo = Graphs.absoluteFromTo(wRec);
        double[][] undirected = Graphs.symmetrised(fromTo);
        double[][] binary = Graphs.binarised(ProportionalThreshold.apply(undirected, options.proportion()));
        Modularity spectral = SpectralModularity.detect(undirected, options.gamma());
        Modularity louvain = Louvain.detect(undirected, options.gamma(), options.louvainRestarts(), options.seed());
        SmallWorld smallWorld = SmallWorld.of(binary, options.nulls(), options.seed());

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("units", n);
        values.put("modularity_q", spectral.q());
        values.put("modules", spectral.moduleCount());
        values.put("modularity_q_louvain", louvain.q());
        values.put("modules_louvain", louvain.moduleCount());
        values.put("small_world_sigma", smallWorld.sigma());
        values.put("clustering_binary", smallWorld.clustering());
        values.put("path_length_binary", smallWorld.pathLength());
        values.put("null_clustering_binary", smallWorld.nullClustering());
        values.put("null_path_length_binary", smallWorld.nullPathLength());
        values.put("null_graphs", smallWorld.nulls());
        values.put("threshold_proportion", options.proportion());
        values.put("clustering_weighted", Clustering.mean(Clustering.weighted(undirected)));
        values.put("global_efficiency_weighted", GraphPaths.globalEfficiencyWeighted(undirected));
        values.put("weight_distance_corr", WeightStatistics.weightDistanceCorrelation(w, n, distance));
        values.put("weight_distance_spearman", WeightStatistics.weightDistanceRankCorrelation(w, n, distance));
        values.put("total_abs_w_rec", WeightStatistics.totalAbsolute(offDiagonal(w, n)));
        for (double threshold : COUNT_THRESHOLDS) {
            values.put(countKey(threshold), WeightStatistics.countAbove(w, n, threshold));
        }
        values.put("random_walk_entropy", Entropies.randomWalk(fromTo));
        values.put("topological_entropy", Entropies.topological(binary));
        return new StructuralMetrics(values, spectral, louvain);
    }

    /** The key of a weight count, e.g. {@code weights_above_1e-03}. */
    public static String countKey(double threshold) {
        return threshold == 0 ? "weights_above_0" : String.format(java.util.Locale.ROOT, "weights_above_%.0e", threshold);
    }

    public double get(String key) {
        return ((Number) values.get(key)).doubleValue();
    }

    private static double[] offDiagonal(double[] w, int n) {
        double[] out = w.clone();
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 0;
        }
        return out;
    }
}
