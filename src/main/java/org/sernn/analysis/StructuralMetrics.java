package org.sernn.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sernn.linalg.DenseMatrix;
import org.sernn.train.WeightStatistics;

/**
 * Structural metrics of a recurrent weight matrix with the Brain Connectivity Toolbox definitions,
 * as measured by Achterberg, Akarca et al. 2023 (docs/analysis.md). Weighted metrics use the
 * undirected |W| ((A + A^T) / 2); the binary ones use its strongest {@code thresholdProportion} of
 * edges (threshold_proportional, default 10%). {@link #values} gives the same numbers under the
 * snake_case keys of metrics.json.
 *
 * @param weightsAbove off-diagonal weights with |w| above each of {@link #COUNT_THRESHOLDS}
 */
public record StructuralMetrics(int units, Modularity spectral, Modularity louvain, SmallWorld smallWorld,
        double thresholdProportion, double clusteringWeighted, double globalEfficiencyWeighted,
        double weightDistanceCorr, double weightDistanceSpearman, double totalAbsWRec, long[] weightsAbove,
        double randomWalkEntropy, double topologicalEntropy) {
    /** Weight counts above 0, 1e-7 and 1e-3 (Achterberg, Akarca et al. 2023). */
    public static final double[] COUNT_THRESHOLDS = {0.0, 1e-7, 1e-3};

    public StructuralMetrics {
        weightsAbove = weightsAbove.clone();
    }

    /** Settings of the structural analysis. */
    public record Options(double proportion, int nulls, int louvainRestarts, double gamma, long seed) {
        public Options {
            if (!(proportion > 0 && proportion <= 1) || nulls < 1 || louvainRestarts < 1) {
                throw new IllegalArgumentException("structural analysis: proportion in (0, 1], nulls >= 1 and "
                        + "restarts >= 1 (were " + proportion + ", " + nulls + ", " + louvainRestarts + ")");
            }
        }

        /** The strongest 10% of edges, 1000 null graphs, 10 Louvain restarts, resolution 1. */
        public static Options defaults(long seed) {
            return new Options(0.1, 1000, 10, 1.0, seed);
        }

        public Options withNulls(int count) {
            return new Options(proportion, count, louvainRestarts, gamma, seed);
        }

        public Options withProportion(double strongest) {
            return new Options(strongest, nulls, louvainRestarts, gamma, seed);
        }
    }

    public static StructuralMetrics of(DenseMatrix wRec, DenseMatrix distance, Options options) {
        int n = wRec.rows();
        double[] w = wRec.toArray();
        double[][] fromTo = Graphs.absoluteFromTo(wRec);
        double[][] undirected = Graphs.symmetrised(fromTo);
        double[][] binary = Graphs.binarised(ProportionalThreshold.apply(undirected, options.proportion()));
        long[] above = new long[COUNT_THRESHOLDS.length];
        for (int k = 0; k < above.length; k++) {
            above[k] = WeightStatistics.countAbove(w, n, COUNT_THRESHOLDS[k]);
        }
        return new StructuralMetrics(n, SpectralModularity.detect(undirected, options.gamma()),
                Louvain.detect(undirected, options.gamma(), options.louvainRestarts(), options.seed()),
                SmallWorld.of(binary, options.nulls(), options.seed()), options.proportion(),
                Clustering.mean(Clustering.weighted(undirected)), GraphPaths.globalEfficiencyWeighted(undirected),
                WeightStatistics.weightDistanceCorrelation(w, n, distance),
                WeightStatistics.weightDistanceRankCorrelation(w, n, distance), WeightStatistics.totalAbsolute(w),
                above, Entropies.randomWalk(fromTo), Entropies.topological(binary));
    }

    @Override
    public long[] weightsAbove() {
        return weightsAbove.clone();
    }

    /** The key of a weight count, e.g. {@code weights_above_1e-03}. */
    public static String countKey(double threshold) {
        return threshold == 0 ? "weights_above_0" : String.format(Locale.ROOT, "weights_above_%.0e", threshold);
    }

    /** Off-diagonal weights with |w| above {@code threshold}, one of {@link #COUNT_THRESHOLDS}. */
    public long weightsAbove(double threshold) {
        for (int k = 0; k < COUNT_THRESHOLDS.length; k++) {
            if (COUNT_THRESHOLDS[k] == threshold) {
                return weightsAbove[k];
            }
        }
        throw new IllegalArgumentException("no weight count above " + threshold);
    }

    /** The metrics under their metrics.json keys, in the report's order. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("units", units);
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
        values.put("threshold_proportion", thresholdProportion);
        values.put("clustering_weighted", clusteringWeighted);
        values.put("global_efficiency_weighted", globalEfficiencyWeighted);
        values.put("weight_distance_corr", weightDistanceCorr);
        values.put("weight_distance_spearman", weightDistanceSpearman);
        values.put("total_abs_w_rec", totalAbsWRec);
        for (int k = 0; k < COUNT_THRESHOLDS.length; k++) {
            values.put(countKey(COUNT_THRESHOLDS[k]), weightsAbove[k]);
        }
        values.put("random_walk_entropy", randomWalkEntropy);
        values.put("topological_entropy", topologicalEntropy);
        return values;
    }
}
