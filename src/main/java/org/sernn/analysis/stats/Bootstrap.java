package org.sernn.analysis.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals (Efron and Tibshirani 1993, ch. 13), seeded: the same data,
 * resample count and seed give the same interval.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** A confidence interval. */
    public record Interval(double low, double high) {
        public boolean excludesZero() {
            return low > 0 || high < 0;
        }
    }

    /** The 95% interval of the mean of {@code x}: resample x with replacement {@code resamples} times. */
    public static Interval mean(double[] x, int resamples, long seed) {
        if (x.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            means[b] = resampledMean(x, random);
        }
        return percentiles(means);
    }

    /**
     * The 95% interval of mean(a) - mean(b) for two independent samples, each resampled within itself
     * (a stratified bootstrap).
     */
    public static Interval differenceOfMeans(double[] a, double[] b, int resamples, long seed) {
        if (a.length == 0 || b.length == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = resampledMean(a, random) - resampledMean(b, random);
        }
        return percentiles(differences);
    }

    private static double resampledMean(double[] x, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[random.nextInt(x.length)];
        }
        return sum / x.length;
    }

    /** The 2.5% and 97.5% quantiles (linear interpolation between order statistics). */
    private static Interval percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Interval(quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
