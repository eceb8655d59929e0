package org.sernn.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sweep statistics against values computed by hand and by scipy.stats, and bootstrap coverage. */
class SweepStatisticsTest {

    @Test
    void wilcoxonExactPMatchesTheEnumerationBySignFlips() {
        // differences 1..5 and -6: W- = 6; of the 2^6 sign patterns, 14 give W- <= 6, so p = 2 * 14 / 64
        // (scipy.stats.wilcoxon([1, 2, 3, 4, 5, -6]) = 0.4375)
        PairedComparison c = PairedComparison.of(new double[] {1, 2, 3, 4, 5, -6}, new double[6], 1000, 1);
        assertEquals(0.4375, c.wilcoxonP(), 1e-12);
        // eight differences, only the smallest negative: W- = 1, two patterns reach it, p = 2 * 2 / 256
        // (scipy.stats.wilcoxon([1.5, 2, 3, 4, 5, 6, 7, -0.5], method='exact') = 0.015625)
        PairedComparison d = PairedComparison.of(new double[] {2.5, 3, 4, 5, 6, 7, 8, 0.5},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 1000, 1);
        assertEquals(0.015625, d.wilcoxonP(), 1e-12);
        assertEquals(4.5 - 1, d.meanDifference(), 1e-12);
    }

    @Test
    void cohensDzIsTheMeanDifferenceOverTheSdOfTheDifferences() {
        // differences 1, 2, 3: mean 2, sample SD 1
        PairedComparison c = PairedComparison.of(new double[] {2, 4, 6}, new double[] {1, 2, 3}, 1000, 1);
        assertEquals(2.0, c.cohensDz(), 1e-12);
        assertEquals(3, c.pairs());
        assertEquals(4.0, c.meanTreatment(), 1e-12);
    }

    @Test
    void bootstrapIntervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        SplittableRandom random = new SplittableRandom(11);
        int covered = 0;
        int experiments = 400;
        for (int e = 0; e < experiments; e++) {
            double[] x = new double[40];
            for (int i = 0; i < x.length; i++) {
                x[i] = 3 + 2 * random.nextGaussian();
            }
            Bootstrap.Interval interval = Bootstrap.mean(x, 2000, e);
            covered += interval.low() <= 3 && 3 <= interval.high() ? 1 : 0;
        }
        // 400 experiments at a true coverage of 0.95 (percentile bootstrap at n = 40: about 0.94) have an SD of
        // about 0.011; a 0.90 or 0.99 coverage would be far outside this band
        double coverage = (double) covered / experiments;
        assertTrue(coverage > 0.91 && coverage < 0.98, "coverage " + coverage);
    }

    @Test
    void bootstrapIsReproducibleFromItsSeedAndNarrowsWithTheSampleSize() {
        double[] x = {0.3, -0.1, 0.8, 0.25, 0.4, 0.05, 0.6};
        assertEquals(Bootstrap.mean(x, 5000, 42), Bootstrap.mean(x, 5000, 42));
        double[] big = new double[x.length * 16];
        for (int i = 0; i < big.length; i++) {
            big[i] = x[i % x.length];
        }
        Bootstrap.Interval small = Bootstrap.mean(x, 5000, 42);
        Bootstrap.Interval wide = Bootstrap.mean(big, 5000, 42);
        // the SE of a mean shrinks with sqrt(n): 16 times the data, about a quarter of the width
        double ratio = (wide.high() - wide.low()) / (small.high() - small.low());
        assertEquals(0.25 * Math.sqrt(7.0 / 6 * 111 / 112), ratio, 0.04);
    }

    @Test
    void differenceOfMeansIntervalIsCentredOnTheDifference() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] b = {11, 12, 13, 14, 15, 16, 17, 18};
        GroupContrast g = GroupContrast.of(a, b, 4000, 3);
        assertEquals(-10, g.difference(), 1e-12);
        // each mean's bootstrap SE is the population SD sqrt(5.25) over sqrt(8); the difference's SE is sqrt(2)
        // times that, 1.146, and the 95% interval about -10 -+ 1.96 x 1.146 = -10 -+ 2.25
        assertEquals(-12.25, g.interval().low(), 0.3);
        assertEquals(-7.75, g.interval().high(), 0.3);
        // Mann-Whitney U, normal approximation without continuity correction: scipy.stats.mannwhitneyu(
        // [1, 2, 3.5], [4, 5, 6, 2.5], method='asymptotic', use_continuity=False) gives p = 0.07709987174354177
        assertEquals(0.07709987174354177, GroupContrast.of(new double[] {1, 2, 3.5}, new double[] {4, 5, 6, 2.5},
                1000, 1).mannWhitneyP(), 1e-12);
    }

    @Test
    void holmMultipliesTheSortedPValuesByTheRemainingCountAndKeepsThemMonotone() {
        // sorted 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> raised to 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02, Double.NaN},
                Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, Double.NaN}), 1e-15);
    }
}
