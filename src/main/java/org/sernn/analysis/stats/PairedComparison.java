package org.sernn.analysis.stats;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * A paired comparison of one metric (treatment minus control over matched pairs): the number of pairs,
 * the means, the mean paired difference with its bootstrap 95% interval, the two-sided Wilcoxon
 * signed-rank p-value (exact for up to 30 pairs, normal approximation above; commons-math3) and
 * Cohen's d_z, the mean paired difference over the standard deviation of the differences (Cohen 1988;
 * Lakens 2013), the effect size of a paired design.
 */
public record PairedComparison(int pairs, double meanTreatment, double meanControl, double meanDifference,
        Bootstrap.Interval interval, double wilcoxonP, double cohensDz) {
    /** Up to this many pairs the Wilcoxon p-value is exact. */
    public static final int EXACT_UP_TO = 30;

    public static PairedComparison of(double[] treatment, double[] control, int resamples, long seed) {
        int n = treatment.length;
        if (n != control.length) {
            throw new IllegalArgumentException("paired samples of different lengths: " + n + " and " + control.length);
        }
        double[] differences = new double[n];
        for (int i = 0; i < n; i++) {
            differences[i] = treatment[i] - control[i];
        }
        double meanDifference = mean(differences);
        double p = n < 2 || allZero(differences) ? Double.NaN
                : new WilcoxonSignedRankTest().wilcoxonSignedRankTest(treatment, control, n <= EXACT_UP_TO);
        double sd = standardDeviation(differences);
        return new PairedComparison(n, mean(treatment), mean(control), meanDifference,
                Bootstrap.mean(differences, resamples, seed), p, n < 2 || sd == 0 ? Double.NaN : meanDifference / sd);
    }

    static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? Double.NaN : sum / x.length;
    }

    /** Sample standard deviation (n - 1 in the denominator). */
    static double standardDeviation(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (x.length - 1));
    }

    private static boolean allZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
