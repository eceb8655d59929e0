package org.sernn.analysis.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.sernn.analysis.plots.LinePlots;
import org.sernn.analysis.plots.Png;
import org.sernn.analysis.sweep.MatchedSparsity;
import org.sernn.analysis.sweep.SweepFigures;
import org.sernn.analysis.sweep.SweepRow;

/** Two sweeps side by side: mean metrics per network kind and regulariser, and metric-vs-sparsity overlays. */
public final class SweepComparison {
    private SweepComparison() {
    }

    public static String markdown(String nameA, List<SweepRow> a, String nameB, List<SweepRow> b) {
        StringBuilder md = new StringBuilder("# Comparison of two sweeps\n\n- A: " + nameA + "\n- B: " + nameB + "\n\n");
        md.append("Means over the runs of each group.\n\n| sweep | network | regulariser | runs |");
        SweepFigures.METRICS.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|---|---|---|");
        SweepFigures.METRICS.forEach(m -> md.append("---|"));
        md.append('\n');
        for (Map.Entry<String, List<SweepRow>> sweep : Map.of("A", a, "B", b).entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            for (String group : groups(sweep.getValue())) {
                List<SweepRow> rows = sweep.getValue().stream().filter(r -> key(r).equals(group)).toList();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d |", sweep.getKey(), group.replace("/", " | "),
                        rows.size()));
                for (String metric : SweepFigures.METRICS) {
                    md.append(String.format(Locale.ROOT, " %.4g |", rows.stream().mapToDouble(r -> r.get(metric))
                            .filter(Double::isFinite).average().orElse(Double.NaN)));
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    /** Modularity, sigma and weight-distance correlation against total |W|, both sweeps on the same axes. */
    public static byte[] againstSparsity(List<SweepRow> a, List<SweepRow> b) {
        List<XYChart> charts = new ArrayList<>();
        for (String metric : SweepFigures.METRICS.subList(0, 3)) {
            Map<String, double[][]> series = new LinkedHashMap<>();
            add(series, "A", a, metric);
            add(series, "B", b, metric);
            charts.add(LinePlots.chart(metric, "total |W_rec|", metric, series, false, false));
        }
        return Png.tiled(charts, 3);
    }

    private static void add(Map<String, double[][]> series, String sweep, List<SweepRow> rows, String metric) {
        for (String group : groups(rows)) {
            List<SweepRow> members = rows.stream().filter(r -> key(r).equals(group)).toList();
            double[][] xy = new double[2][members.size()];
            for (int i = 0; i < members.size(); i++) {
                xy[0][i] = members.get(i).get(MatchedSparsity.SPARSITY_KEY);
                xy[1][i] = members.get(i).get(metric);
            }
            series.put(sweep + ": " + group, xy);
        }
    }

    private static TreeSet<String> groups(List<SweepRow> rows) {
        TreeSet<String> groups = new TreeSet<>();
        rows.forEach(r -> groups.add(key(r)));
        return groups;
    }

    private static String key(SweepRow row) {
        return row.network() + "/" + row.regulariser();
    }
}
