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
    void eachSernnNetworkIsPairedWithTheNearestL1NetworkInTotalWeight() {
        SweepRow s1 = row("sernn", 100, 0.3);
        SweepRow s2 = row("sernn", 400, 0.2);
        SweepRow far = row("sernn", 10, 0.9);   // no L1 network within a factor 1.25
        SweepRow l1a = row("l1", 110, 0.1);
        SweepRow l1b = row("l1", 390, 0.15);
        List<MatchedSparsity.Pair> pairs = MatchedSparsity.pairs(List.of(s1, s2, far, l1a, l1b), "rate", 1.25);
        assertEquals(2, pairs.size());
        assertEquals(l1a, pairs.get(0).l1());
        assertEquals(l1b, pairs.get(1).l1());
        MatchedSparsity.Comparison q = MatchedSparsity.compare(pairs, "modularity_q");
        assertEquals(((0.3 - 0.1) + (0.2 - 0.15)) / 2, q.meanDifference(), 1e-15);
        assertEquals(2, q.sernnHigher());
    }

    @Test
    void resultsTableReadsBackWhatWasWritten(@TempDir Path dir) throws Exception {
        List<SweepRow> rows = List.of(row("sernn", 123.5, 0.25), row("l1", 99, 0.125));
        Path file = dir.resolve(SweepTable.FILE);
        SweepTable.write(file, rows);
        List<SweepRow> back = SweepTable.read(file);
        assertEquals(2, back.size());
        assertEquals(0.125, back.get(1).get("modularity_q"));
        assertEquals(123.5, back.get(0).get(MatchedSparsity.SPARSITY_KEY));
        assertEquals("l1", back.get(1).regulariser());
    }

    private static SweepRow row(String regulariser, double totalAbs, double q) {
        return new SweepRow(regulariser + totalAbs, "rate", regulariser, 0.1, 1, Map.of(MatchedSparsity.SPARSITY_KEY,
                totalAbs, "modularity_q", q));
    }
}
