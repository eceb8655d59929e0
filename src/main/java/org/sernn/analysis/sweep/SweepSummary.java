package org.sernn.analysis.sweep;

import java.util.List;
import java.util.Locale;

/** headline.md of a sweep: seRNN against L1 at matched sparsity, per network kind, in Markdown. */
public final class SweepSummary {
    /** Metrics compared at matched sparsity. */
    public static final List<String> COMPARED = List.of("modularity_q", "modularity_q_louvain", "small_world_sigma",
            "weight_distance_corr", "weight_distance_spearman", "mixed_selectivity_corr", "informative_units");

    private SweepSummary() {
    }

    public static String markdown(List<SweepRow> rows, List<String> networks, double minAccuracy, double maxRatio) {
        StringBuilder md = new StringBuilder("# seRNN against L1 at matched sparsity\n\n");
        md.append(String.format(Locale.ROOT, "Matched sparsity: each seRNN network is paired with the L1 network of "
                + "the same kind whose sparsity measure is nearest (in log terms), kept if the two differ by at most a "
                + "factor %.2f; the measure is the total off-diagonal |W_rec| (primary) or the count of weights above "
                + "1e-3. Differences are seRNN minus L1.%n%n", maxRatio));
        for (String network : networks) {
            for (String sparsity : List.of(MatchedSparsity.SPARSITY_KEY, MatchedSparsity.COUNT_KEY)) {
                for (boolean filtered : new boolean[] {false, true}) {
                    section(md, rows, network, sparsity, filtered, minAccuracy, maxRatio);
                }
            }
        }
        return md.toString();
    }

    private static void section(StringBuilder md, List<SweepRow> rows, String network, String sparsity,
            boolean filtered, double minAccuracy, double maxRatio) {
        List<SweepRow> kept = rows.stream().filter(r -> r.network().equals(network))
                .filter(r -> !filtered || r.get("validation_accuracy") >= minAccuracy).toList();
        long sernn = kept.stream().filter(r -> r.regulariser().equals("sernn")).count();
        long l1 = kept.stream().filter(r -> r.regulariser().equals("l1")).count();
        List<MatchedSparsity.Pair> pairs = MatchedSparsity.pairs(kept, network, maxRatio, sparsity);
        md.append(String.format(Locale.ROOT, "## %s networks matched by %s, %s%n%n%d seRNN and %d L1 networks, "
                + "%d matched pairs.%n%n", network, sparsity, filtered ? String.format(Locale.ROOT,
                        "validation accuracy >= %.2f (the paper's criterion)", minAccuracy) : "all runs",
                sernn, l1, pairs.size()));
        if (pairs.isEmpty()) {
            return;
        }
        md.append("| metric | pairs | seRNN mean | L1 mean | mean difference | seRNN higher |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (String metric : COMPARED) {
            MatchedSparsity.Comparison c = MatchedSparsity.compare(pairs, metric);
            if (c.pairs() > 0) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.4g | %+.4g | %d of %d |%n", metric,
                        c.pairs(), c.meanSernn(), c.meanL1(), c.meanDifference(), c.sernnHigher(), c.pairs()));
            }
        }
        md.append('\n');
    }
}
