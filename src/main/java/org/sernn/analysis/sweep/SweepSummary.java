package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sernn.analysis.stats.GroupContrast;
import org.sernn.analysis.stats.PairedComparison;

/**
 * headline.md of a sweep: the verdict paragraph, the accuracy criterion's pass fractions, seRNN against
 * each control at matched sparsity (per network kind, with and without the criterion, at each matching
 * tolerance) and the rate-against-spiking contrast of the seRNN effect.
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    public static String markdown(List<SweepRow> rows, List<String> networks, CollectSettings settings) {
        List<String> controls = List.of("l1", "spatial").stream()
                .filter(c -> rows.stream().anyMatch(r -> r.regulariser().equals(c))).toList();
        double primary = settings.tolerances().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        StringBuilder md = new StringBuilder("# seRNN against its controls at matched sparsity\n\n");
        List<PairedTable> headline = new ArrayList<>();
        for (String network : networks) {
            headline.add(PairedTable.of(rows, network, "l1", true, primary, settings));
        }
        md.append(HeadlineVerdict.paragraph(headline, settings)).append("\n\n");
        md.append(method(settings, primary));
        PassFractions.append(md, rows, settings.minAccuracy());
        for (String network : networks) {
            for (String control : controls) {
                for (boolean filtered : new boolean[] {true, false}) {
                    for (double tolerance : settings.tolerances()) {
                        table(md, PairedTable.of(rows, network, control, filtered, tolerance, settings), settings);
                    }
                }
            }
        }
        if (networks.size() == 2) {
            for (String control : controls) {
                for (boolean filtered : new boolean[] {true, false}) {
                    contrast(md, rows, networks, control, filtered, primary, settings);
                }
            }
        }
        return md.toString();
    }

    private static String method(CollectSettings s, double primary) {
        return String.format(Locale.ROOT, """
                ## Method

                Each seRNN network is matched to one control network (L1, or spatial-only) of the same kind whose
                total off-diagonal |W_rec| is nearest in log terms, within a factor (the tolerance), each network
                used at most once (greedy nearest-neighbour matching without replacement). Differences are seRNN
                minus control over the pairs. Per metric: the mean paired difference with a percentile bootstrap
                95%% CI (%d resamples, seed %d), the two-sided Wilcoxon signed-rank p (exact up to %d pairs),
                that p Holm-adjusted over the metrics of the table, and Cohen's d_z (mean paired difference over
                the SD of the differences). "Filtered" keeps networks with validation accuracy >= %.2f, as the
                paper did. The verdict uses the filtered L1 comparison at tolerance %.2f: reproduces when the
                CI excludes 0 on the paper's side and the Holm p < 0.05. The paper's own statistics pair networks
                by index and its captions call the test two-sample; here the test is paired (Wilcoxon).

                """, s.resamples(), s.seed(), PairedComparison.EXACT_UP_TO, s.minAccuracy(), primary);
    }

    private static void table(StringBuilder md, PairedTable t, CollectSettings s) {
        md.append(String.format(Locale.ROOT, "## %s: seRNN vs %s, %s, tolerance %.2f%n%n%d seRNN and %d %s networks, "
                + "%d pairs.%n%n", t.network(), t.control(), t.filtered() ? String.format(Locale.ROOT,
                        "validation accuracy >= %.2f", s.minAccuracy()) : "all runs", t.tolerance(),
                t.treatmentRuns(), t.controlRuns(), t.control(), t.pairs().size()));
        if (t.lines().isEmpty()) {
            return;
        }
        md.append("| metric | paper: seRNN | pairs | seRNN mean | control mean | mean difference [95% CI] | Wilcoxon p "
                + "| Holm p | d_z |\n|---|---|---|---|---|---|---|---|---|\n");
        for (PairedTable.Line line : t.lines()) {
            PairedComparison c = line.stats();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4g | %.4g | %s | %s | %s | %.2f |%n",
                    line.metric().label(), line.metric().direction(), c.pairs(), c.meanTreatment(), c.meanControl(),
                    HeadlineVerdict.withInterval(c.meanDifference(), c.interval()), HeadlineVerdict.p(c.wilcoxonP()),
                    HeadlineVerdict.p(line.holmP()), c.cohensDz()));
        }
        md.append('\n');
    }

    private static void contrast(StringBuilder md, List<SweepRow> rows, List<String> networks, String control,
            boolean filtered, double tolerance, CollectSettings s) {
        PairedTable a = PairedTable.of(rows, networks.get(0), control, filtered, tolerance, s);
        PairedTable b = PairedTable.of(rows, networks.get(1), control, filtered, tolerance, s);
        md.append(String.format(Locale.ROOT, "## Does the seRNN effect differ between %s and %s networks? (vs %s, %s, "
                + "tolerance %.2f)%n%nThe paired differences (seRNN minus %s) of the two kinds compared: difference of "
                + "their means (%s minus %s) with a stratified bootstrap 95%% CI, and the two-sided Mann-Whitney U "
                + "p.%n%n| metric | %s pairs | %s mean difference | %s pairs | %s mean difference | %s minus %s "
                + "[95%% CI] | Mann-Whitney p |%n|---|---|---|---|---|---|---|%n", networks.get(0), networks.get(1),
                control, filtered ? "filtered" : "all runs", tolerance, control, networks.get(0), networks.get(1),
                networks.get(0), networks.get(0), networks.get(1), networks.get(1), networks.get(0), networks.get(1)));
        for (ComparedMetric metric : ComparedMetric.ALL) {
            double[] da = a.differences(metric.key());
            double[] db = b.differences(metric.key());
            if (da.length == 0 || db.length == 0) {
                continue;
            }
            GroupContrast g = GroupContrast.of(da, db, s.resamples(), s.seed());
            md.append(String.format(Locale.ROOT, "| %s | %d | %+.4g | %d | %+.4g | %s | %s |%n", metric.label(),
                    g.sizeA(), g.meanA(), g.sizeB(), g.meanB(), HeadlineVerdict.withInterval(g.difference(),
                            g.interval()), HeadlineVerdict.p(g.mannWhitneyP())));
        }
        md.append('\n');
    }
}
