package org.sernn.analysis.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructurePlotsTest {
    @Test
    void binnedMeansAndSpreadsMatchAHandComputation() {
        // bins of width 1 over [0, 2]: {0.1, 0.9} -> y {1, 3}; {1.5, 2.0} -> y {10, 10}
        double[][] binned = StructurePlots.binnedMeanAndStd(List.of(0.0, 0.9, 1.5, 2.0), List.of(1.0, 3.0, 10.0, 10.0),
                2);
        assertEquals(0.5, binned[0][0], 1e-12);
        assertEquals(2.0, binned[1][0], 1e-12);
        assertEquals(1.0, binned[2][0], 1e-12);
        assertEquals(10.0, binned[1][1], 1e-12);
        assertEquals(0.0, binned[2][1], 1e-12);
    }
}
