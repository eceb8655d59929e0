package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import org.sernn.analysis.stats.Holm;
import org.sernn.analysis.stats.PairedComparison;

/**
 * seRNN against one control for one network kind, with or without the accuracy criterion, at one
 * matching tolerance: the matched pairs and, per metric, the paired statistics with Holm-adjusted
 * p-values over the metrics of the table.
 */
public record PairedTable(String network, String control, boolean filtered, double tolerance, long treatmentRuns,
        long controlRuns, List<MatchedSparsity.Pair> pairs, List<Line> lines) {

    /** One metric's statistics. */
    public record Line(ComparedMetric metric, PairedComparison stats, double holmP) {
    }

    public static PairedTable of(List<SweepRow> rows, String network, String control, boolean filtered,
            double tolerance, CollectSettings settings) {
        List<SweepRow> kept = rows.stream().filter(r -> r.network().equals(network))
                .filter(r -> !filtered || r.get("validation_accuracy") >= settings.minAccuracy()).toList();
        List<MatchedSparsity.Pair> pairs = MatchedSparsity.pairs(kept, network, "sernn", control, tolerance,
                MatchedSparsity.SPARSITY_KEY);
        List<ComparedMetric> metrics = new ArrayList<>();
        List<PairedComparison> stats = new ArrayList<>();
        for (ComparedMetric metric : ComparedMetric.ALL) {
            List<MatchedSparsity.Pair> finite = pairs.stream().filter(p -> Double.isFinite(p.treatment().get(
                    metric.key())) && Double.isFinite(p.control().get(metric.key()))).toList();
            if (finite.isEmpty()) {
                continue;
            }
            double[] t = finite.stream().mapToDouble(p -> p.treatment().get(metric.key())).toArray();
            double[] c = finite.stream().mapToDouble(p -> p.control().get(metric.key())).toArray();
            metrics.add(metric);
            stats.add(PairedComparison.of(t, c, settings.resamples(), settings.seed()));
        }
        double[] holm = Holm.adjust(stats.stream().mapToDouble(PairedComparison::wilcoxonP).toArray());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            lines.add(new Line(metrics.get(i), stats.get(i), holm[i]));
        }
        return new PairedTable(network, control, filtered, tolerance,
                kept.stream().filter(r -> r.regulariser().equals("sernn")).count(),
                kept.stream().filter(r -> r.regulariser().equals(control)).count(), pairs, lines);
    }

    /** The differences (seRNN minus control) of one metric over the pairs where both are finite. */
    public double[] differences(String key) {
        return pairs.stream().mapToDouble(p -> p.treatment().get(key) - p.control().get(key))
                .filter(Double::isFinite).toArray();
    }

    public Line line(String key) {
        return lines.stream().filter(l -> l.metric().key().equals(key)).findFirst().orElse(null);
    }
}
