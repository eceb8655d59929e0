package org.sernn.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict on a hand-made sweep whose seRNN effect is known. */
class HeadlineVerdictTest {
    private static final CollectSettings SETTINGS = new CollectSettings(0.9, List.of(1.1, 1.25), 2000, 1);

    @Test
    void aConsistentEffectInThePapersDirectionReproducesAndItsMirrorIsOpposite() {
        // 8 seRNN and 8 L1 networks at the same total |W|; seRNN modularity higher by 0.01 x (1 + k / 8)
        List<SweepRow> rows = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double sparsity = 100 * Math.pow(2, k);
            rows.add(row("s" + k, "sernn", sparsity, 0.1 + 0.01 * (1 + k / 8.0), 1.0));
            rows.add(row("l" + k, "l1", sparsity, 0.1, 1.0));
        }
        PairedTable table = PairedTable.of(rows, "rate", "l1", true, 1.25, SETTINGS);
        PairedTable.Line q = table.line("modularity_q");
        assertEquals(8, q.stats().pairs());
        assertEquals(0.01 * (1 + 3.5 / 8), q.stats().meanDifference(), 1e-12);
        assertEquals(2.0 / 256, q.stats().wilcoxonP(), 1e-12);   // all 8 differences positive, exact
        assertEquals(HeadlineVerdict.Verdict.REPRODUCES, HeadlineVerdict.of(q));
        // the paper expects corr(|W|, D) lower in seRNN: the same positive difference there is opposite
        PairedTable.Line corr = new PairedTable.Line(ComparedMetric.ALL.get(3), q.stats(), q.holmP());
        assertEquals(HeadlineVerdict.Verdict.OPPOSITE, HeadlineVerdict.of(corr));
        assertTrue(HeadlineVerdict.paragraph(List.of(table), SETTINGS).contains("reproduces the paper: modularity Q"));
    }

    @Test
    void networksBelowTheAccuracyCriterionAreLeftOutAndFewPairsDecideNothing() {
        List<SweepRow> rows = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            rows.add(row("s" + k, "sernn", 100 * Math.pow(2, k), 0.2, k < 5 ? 0.95 : 0.6));
            rows.add(row("l" + k, "l1", 100 * Math.pow(2, k), 0.1, 1.0));
        }
        PairedTable filtered = PairedTable.of(rows, "rate", "l1", true, 1.25, SETTINGS);
        assertEquals(5, filtered.pairs().size());
        assertEquals(HeadlineVerdict.Verdict.TOO_FEW_PAIRS, HeadlineVerdict.of(filtered.line("modularity_q")));
        assertEquals(8, PairedTable.of(rows, "rate", "l1", false, 1.25, SETTINGS).pairs().size());
        assertTrue(HeadlineVerdict.paragraph(List.of(filtered), SETTINGS).contains("too few pairs"));
    }

    private static SweepRow row(String run, String regulariser, double sparsity, double q, double accuracy) {
        return new SweepRow(run, "rate", regulariser, 0.1, 1, Map.of(MatchedSparsity.SPARSITY_KEY, sparsity,
                "modularity_q", q, "validation_accuracy", accuracy));
    }
}
