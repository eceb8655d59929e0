package org.sernn.neuron.adlif;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Per-unit parameters of an adLIF population (Bittar and Garner, Front. Neurosci. 16:865897,
 * 2022): membrane decay alpha, adaptation decay beta, subthreshold coupling a and spike-triggered
 * adaptation b, each within its {@link AdlifRanges range}; the threshold is theta = 1 for every
 * unit, as in sparch. All four are trainable. Arrays are copied in and out.
 */
public final class AdlifParameters {
    /** Spike threshold theta (sparch's default; the reset subtracts it). */
    public static final double THRESHOLD = 1.0;

    private final double[] alpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final AdlifRanges ranges;
    private final AdlifDiscretisation discretisation;

    public AdlifParameters(double[] alpha, double[] beta, double[] a, double[] b, AdlifRanges ranges,
            AdlifDiscretisation discretisation) {
        int n = alpha.length;
        if (beta.length != n || a.length != n || b.length != n) {
            throw new IllegalArgumentException("adLIF alpha, beta, a, b must all have " + n + " entries; they have "
                    + n + ", " + beta.length + ", " + a.length + ", " + b.length);
        }
        requireWithin("alpha", alpha, ranges.alphaMin(), ranges.alphaMax());
        requireWithin("beta", beta, ranges.betaMin(), ranges.betaMax());
        requireWithin("a", a, ranges.aMin(), ranges.aMax());
        requireWithin("b", b, ranges.bMin(), ranges.bMax());
        this.alpha = alpha.clone();
        this.beta = beta.clone();
        this.a = a.clone();
        this.b = b.clone();
        this.ranges = Objects.requireNonNull(ranges, "ranges");
        this.discretisation = Objects.requireNonNull(discretisation, "discretisation");
    }

    /**
     * Draws every parameter uniformly in its range, as sparch initialises them (nn.init.uniform_ on
     * alpha, beta, a and b themselves, not on the time constants).
     */
    public static AdlifParameters uniform(int n, AdlifRanges ranges, AdlifDiscretisation discretisation,
            SplittableRandom random) {
        double[] alpha = new double[n];
        double[] beta = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            alpha[j] = between(random, ranges.alphaMin(), ranges.alphaMax());
            beta[j] = between(random, ranges.betaMin(), ranges.betaMax());
            a[j] = between(random, ranges.aMin(), ranges.aMax());
            b[j] = between(random, ranges.bMin(), ranges.bMax());
        }
        return new AdlifParameters(alpha, beta, a, b, ranges, discretisation);
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private static void requireWithin(String name, double[] values, double min, double max) {
        for (int j = 0; j < values.length; j++) {
            if (!(values[j] >= min && values[j] <= max)) {
                throw new IllegalArgumentException("adLIF " + name + " of unit " + j + " is " + values[j]
                        + "; it must be in [" + min + ", " + max + "]");
            }
        }
    }

    /**
     * The same units with new values, clamped into the ranges first (after an optimiser step, as
     * sparch clamps before every forward pass).
     */
    public AdlifParameters withClamped(double[] newAlpha, double[] newBeta, double[] newA, double[] newB) {
        double[] al = newAlpha.clone();
        double[] be = newBeta.clone();
        double[] aa = newA.clone();
        double[] bb = newB.clone();
        ranges.clamp(al, be, aa, bb);
        return new AdlifParameters(al, be, aa, bb, ranges, discretisation);
    }

    public int size() {
        return alpha.length;
    }

    public double[] alpha() {
        return alpha.clone();
    }

    public double[] beta() {
        return beta.clone();
    }

    public double[] a() {
        return a.clone();
    }

    public double[] b() {
        return b.clone();
    }

    public AdlifRanges ranges() {
        return ranges;
    }

    public AdlifDiscretisation discretisation() {
        return discretisation;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdlifParameters p && Arrays.equals(p.alpha, alpha) && Arrays.equals(p.beta, beta)
                && Arrays.equals(p.a, a) && Arrays.equals(p.b, b) && p.ranges.equals(ranges)
                && p.discretisation == discretisation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(alpha), Arrays.hashCode(beta), Arrays.hashCode(a), Arrays.hashCode(b),
                ranges, discretisation);
    }
}
