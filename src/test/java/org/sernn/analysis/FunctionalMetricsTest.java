package org.sernn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.FDistribution;
import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;
import org.sernn.sim.OpCounts;
import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;
import org.sernn.space.Positions;

/** Selectivity, the spatial permutation test and per-trial activity against hand-worked values. */
class FunctionalMetricsTest {

    @Test
    void varianceExplainedIsBetweenOverTotalSumOfSquares() {
        assertEquals(1.0, Selectivity.varianceExplained(new double[] {1, 1, 3, 3}, new int[] {0, 0, 1, 1}), 1e-15);
        // mean 2.5, total SS 5; group means 2 and 3: between SS 1
        assertEquals(0.2, Selectivity.varianceExplained(new double[] {1, 2, 3, 4}, new int[] {0, 1, 0, 1}), 1e-15);
        assertEquals(0.0, Selectivity.varianceExplained(new double[] {2, 2, 2, 2}, new int[] {0, 1, 0, 1}));
    }

    @Test
    void anovaPValueMatchesTheFDistribution() {
        // groups {1,2,3} and {4,5,6}: SSB 13.5 (df 1), SSW 4 (df 4): F = 13.5
        double p = Selectivity.anovaPValue(new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 0, 0, 1, 1, 1});
        assertEquals(1 - new FDistribution(1, 4).cumulativeProbability(13.5), p, 1e-9);
    }

    @Test
    void likePreferringUnitsSideBySideAreSpatiallyClustered() {
        int n = 20;
        double[] xyz = new double[n * 3];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = i;   // units on a line
        }
        DenseMatrix d = new Positions(DenseMatrix.of(n, 3, xyz)).distanceMatrix();
        double[] goal = new double[n];
        double[] choice = new double[n];
        double[] alternatingGoal = new double[n];
        double[] alternatingChoice = new double[n];
        for (int i = 0; i < n; i++) {
            goal[i] = i < n / 2 ? 0.8 : 0.1;    // left half prefers the goal
            choice[i] = i < n / 2 ? 0.1 : 0.8;
            alternatingGoal[i] = i % 2 == 0 ? 0.8 : 0.1;
            alternatingChoice[i] = i % 2 == 0 ? 0.1 : 0.8;
        }
        SpatialClustering halves = SpatialClustering.test(goal, choice, d, 999, 3L);
        // within a half of 10 units on a line the mean pairwise distance is (n + 1) / 3 = 11 / 3
        assertEquals(11.0 / 3, halves.observedDistance(), 1e-12);
        assertTrue(halves.pValue() < 0.01, "p " + halves.pValue());
        assertEquals(10, halves.goalUnits());
        SpatialClustering alternating = SpatialClustering.test(alternatingGoal, alternatingChoice, d, 999, 3L);
        assertTrue(alternating.pValue() > 0.5, "p " + alternating.pValue());
    }

    @Test
    void spikingActivityIsTheSpikeCountOverTheWindow() {
        // 2 trials, 10 steps, 2 units; trial 0: unit 1 spikes at steps 2, 6, 7; trial 1: unit 0 at step 9
        SpikeRaster raster = new SpikeRaster(2, 10, 2, new int[] {0, 3, 4}, new int[] {2, 6, 7, 9},
                new int[] {1, 1, 1, 0});
        Recording recording = new Recording(2, 10, 2, 1, raster, new double[20], null, null, null, OpCounts.ZERO);
        double[][] rate = TrialActivity.window(recording, true, 2.0, 5, 10);   // 5 steps of 2 ms = 10 ms
        assertEquals(200.0, rate[0][1], 1e-9);   // 2 spikes / 10 ms
        assertEquals(0.0, rate[0][0]);
        assertEquals(100.0, rate[1][0], 1e-9);
    }
}
