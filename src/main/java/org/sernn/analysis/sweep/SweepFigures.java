package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.sernn.analysis.plots.LinePlots;
import org.sernn.analysis.plots.Png;

/**
 * The paper-style sweep figures (Achterberg, Akarca et al. 2023, Fig. 2-3 style): each metric against
 * the regularisation strength, one series per regulariser, one row per network kind; and each metric
 * against sparsity (total |W|) to compare the regularisers at matched sparsity.
 */
public final class SweepFigures {
    /** The headline metrics. */
    public static final List<String> METRICS = List.of("modularity_q", "small_world_sigma", "weight_distance_corr",
            "total_abs_w_rec");

    private SweepFigures() {
    }

    public static byte[] againstStrength(List<SweepRow> rows, List<String> networks) {
        List<XYChart> charts = new ArrayList<>();
        for (String network : networks) {
            for (String metric : METRICS) {
                charts.add(LinePlots.chart(network + ": " + metric, "lambda", metric,
                        series(rows, r -> r.network().equals(network), SweepRow::lambda, metric), true, true));
            }
        }
        return Png.tiled(charts, METRICS.size());
    }

    public static byte[] againstSparsity(List<SweepRow> rows, List<String> networks) {
        List<XYChart> charts = new ArrayList<>();
        for (String network : networks) {
            for (String metric : METRICS.subList(0, 3)) {
                charts.add(LinePlots.chart(network + ": " + metric + " at matched sparsity",
                        "total |W_rec| (lower = sparser)", metric, series(rows, r -> r.network().equals(network),
                                r -> r.get(MatchedSparsity.SPARSITY_KEY), metric), false, false));
            }
        }
        return Png.tiled(charts, 3);
    }

    /** One series per regulariser among the rows that pass {@code filter}, sorted by x. */
    private static Map<String, double[][]> series(List<SweepRow> rows, Predicate<SweepRow> filter,
            java.util.function.ToDoubleFunction<SweepRow> x, String metric) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            if (filter.test(row)) {
                points.computeIfAbsent(row.regulariser(), k -> new ArrayList<>()).add(
                        new double[] {x.applyAsDouble(row), row.get(metric)});
            }
        }
        Map<String, double[][]> series = new LinkedHashMap<>();
        points.forEach((name, list) -> {
            list.sort((a, b) -> Double.compare(a[0], b[0]));
            double[][] xy = new double[2][list.size()];
            for (int i = 0; i < list.size(); i++) {
                xy[0][i] = list.get(i)[0];
                xy[1][i] = list.get(i)[1];
            }
            series.put(name, xy);
        });
        return series;
    }
}
