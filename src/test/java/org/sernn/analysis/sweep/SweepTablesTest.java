package org.sernn.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strength ranges, matched-sparsity pairing and the results table round trip. */
class SweepTablesTest {

    @Test
    void strengthsAreLogSpacedWithBothEndsIncluded() {
        assertArrayEquals(new double[] {0.001, 0.01, 0.1}, StrengthRange.parse("0.001:0.1:3", "x").values(), 1e-15);
    }

    @Test
    void matchingIsOneToOneClosestFirstWithinTheTolerance() {
        // seRNN 100 and 104 both want L1 102 (log gaps 0.020 and 0.019): 104 takes it (closer), and 100 falls
        // back to L1 110 (gap 0.095); 400 pairs with 390; 10 has no L1 network within a factor 1.25.
        SweepRow s100 = row("s100", "sernn", 100, 0.3);
        SweepRow s104 = row("s104", "sernn", 104, 0.25);
        SweepRow s400 = row("s400", "sernn", 400, 0.2);
        SweepRow s10 = row("s10", "sernn", 10, 0.9);
        SweepRow l102 = row("l102", "l1", 102, 0.1);
        SweepRow l110 = row("l110", "l1", 110, 0.05);
        SweepRow l390 = row("l390", "l1", 390, 0.15);
        List<MatchedSparsity.Pair> pairs = MatchedSparsity.pairs(List.of(s100, s104, s400, s10, l102, l110, l390),
                "rate", "sernn", "l1", 1.25, MatchedSparsity.SPARSITY_KEY);
        assertEquals(List.of(new MatchedSparsity.Pair(s100, l110), new MatchedSparsity.Pair(s104, l102),
                new MatchedSparsity.Pair(s400, l390)), pairs);
        // at a factor 1.05, L1 110 is too far for seRNN 100 (ratio 1.10), which stays unpaired
        List<MatchedSparsity.Pair> strict = MatchedSparsity.pairs(List.of(s100, s104, s400, s10, l102, l110, l390),
                "rate", "sernn", "l1", 1.05, MatchedSparsity.SPARSITY_KEY);
        assertEquals(List.of(new MatchedSparsity.Pair(s104, l102), new MatchedSparsity.Pair(s400, l390)), strict);
    }

    @Test
    void linearRangesIncludeBothEnds() {
        assertArrayEquals(new double[] {0.001, 0.1505, 0.3}, StrengthRange.parse("0.001:0.3:3:lin", "x").values(),
                1e-15);
    }

    @Test
    void resultsTableReadsBackWhatWasWritten(@TempDir Path dir) throws Exception {
        List<SweepRow> rows = List.of(row("a", "sernn", 123.5, 0.25), row("b", "l1", 99, 0.125));
        Path file = dir.resolve(SweepTable.FILE);
        SweepTable.write(file, rows);
        List<SweepRow> back = SweepTable.read(file);
        assertEquals(2, back.size());
        assertEquals(0.125, back.get(1).get("modularity_q"));
        assertEquals(123.5, back.get(0).get(MatchedSparsity.SPARSITY_KEY));
        assertEquals("l1", back.get(1).regulariser());
    }

    private static SweepRow row(String run, String regulariser, double totalAbs, double q) {
        return new SweepRow(run, "rate", regulariser, 0.1, 1, Map.of(MatchedSparsity.SPARSITY_KEY,
                totalAbs, "modularity_q", q));
    }
}
