package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.sernn.analysis.plots.LinePlots;
import org.sernn.analysis.plots.Png;
import org.sernn.util.plot.ChartStyle;

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

    /** Each metric against lambda: per regulariser the mean over seeds, error bars one SD across seeds. */
    public static byte[] againstStrength(List<SweepRow> rows, List<String> networks) {
        List<XYChart> charts = new ArrayList<>();
        List<String> metrics = new ArrayList<>(List.of("validation_accuracy"));
        metrics.addAll(METRICS);
        for (String network : networks) {
            for (String metric : metrics) {
                charts.add(seedBands(network + ": " + metric + " (mean +- SD over seeds)", metric,
                        rows.stream().filter(r -> r.network().equals(network)).toList()));
            }
        }
        return Png.tiled(charts, metrics.size());
    }

    private static XYChart seedBands(String title, String metric, List<SweepRow> rows) {
        XYChart chart = LinePlots.chart(title, "lambda", metric, Map.of(), true, true);
        chart.removeSeries("no data");
        Map<String, java.util.TreeMap<Double, List<Double>>> byRegulariser = new LinkedHashMap<>();
        for (SweepRow row : rows) {
            if (Double.isFinite(row.get(metric))) {
                byRegulariser.computeIfAbsent(row.regulariser(), k -> new java.util.TreeMap<>())
                        .computeIfAbsent(row.lambda(), k -> new ArrayList<>()).add(row.get(metric));
            }
        }
        int k = 0;
        for (Map.Entry<String, java.util.TreeMap<Double, List<Double>>> entry : byRegulariser.entrySet()) {
            int n = entry.getValue().size();
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] sd = new double[n];
            int i = 0;
            for (Map.Entry<Double, List<Double>> point : entry.getValue().entrySet()) {
                double[] values = point.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                double m = java.util.Arrays.stream(values).average().orElse(Double.NaN);
                x[i] = point.getKey();
                mean[i] = m;
                sd[i] = values.length < 2 ? 0 : Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - m) * (v - m))
                        .sum() / (values.length - 1));
                i++;
            }
            org.knowm.xchart.XYSeries series = chart.addSeries(entry.getKey(), x, mean, sd);
            series.setMarkerColor(Png.moduleColour(k));
            series.setLineColor(Png.moduleColour(k));
            k++;
        }
        if (k > 1) {
            ChartStyle.legend(chart, Styler.LegendPosition.OutsideS);
        }
        if (k == 0) {
            chart.addSeries("no data", new double[] {1}, new double[] {0});
        }
        return chart;
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
