package org.sernn.analysis.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Whether an effect differs between two independent groups (e.g. the seRNN-minus-L1 paired differences
 * of rate networks against those of spiking networks): the difference of the groups' mean effects with
 * a stratified bootstrap 95% interval, and the two-sided Mann-Whitney U p-value (commons-math3's normal
 * approximation).
 */
public record GroupContrast(int sizeA, int sizeB, double meanA, double meanB, double difference,
        Bootstrap.Interval interval, double mannWhitneyP) {

    public static GroupContrast of(double[] a, double[] b, int resamples, long seed) {
        double p = a.length == 0 || b.length == 0 ? Double.NaN : new MannWhitneyUTest().mannWhitneyUTest(a, b);
        double meanA = PairedComparison.mean(a);
        double meanB = PairedComparison.mean(b);
        return new GroupContrast(a.length, b.length, meanA, meanB, meanA - meanB,
                Bootstrap.differenceOfMeans(a, b, resamples, seed), p);
    }
}
