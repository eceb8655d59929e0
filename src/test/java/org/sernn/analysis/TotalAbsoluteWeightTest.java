package org.sernn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;
import org.sernn.train.WeightStatistics;

/**
 * total_abs_w_rec has one definition, the recurrent layer's total |W| with self-connections
 * included: metrics.json (StructuralMetrics) and metrics.csv (the trainer's WeightStatistics) agree
 * with the sum written out by hand on a matrix that has a diagonal, as imported networks may.
 */
class TotalAbsoluteWeightTest {
    @Test
    void selfConnectionsCountInBothReports() {
        double[] w = {
            0.5, -0.25, 0.0, 0.125,
            1.0, -2.0, 0.75, 0.0,
            0.0, 0.5, 0.0, -0.5,
            0.25, 0.0, -1.5, 3.0};
        double byHand = 0.5 + 0.25 + 0.125 + 1.0 + 2.0 + 0.75 + 0.5 + 0.5 + 0.25 + 1.5 + 3.0;
        DenseMatrix distance = DenseMatrix.of(4, 4, new double[] {
            0, 1, 2, 3,
            1, 0, 1, 2,
            2, 1, 0, 1,
            3, 2, 1, 0});
        StructuralMetrics metrics = StructuralMetrics.of(DenseMatrix.of(4, 4, w), distance,
                new StructuralMetrics.Options(0.5, 2, 1, 1.0, 1));
        assertEquals(byHand, metrics.totalAbsWRec(), 1e-15);
        assertEquals(byHand, (double) metrics.values().get("total_abs_w_rec"), 1e-15);
        assertEquals(byHand, WeightStatistics.totalAbsolute(w), 1e-15);
    }
}
