package org.sernn.neuron.adlif;

/**
 * Allowed ranges of the four per-unit adLIF parameters. sparch (Bittar and Garner, Front.
 * Neurosci. 16:865897, 2022) clamps alpha to [e^{-1/5}, e^{-1/25}] and beta to [e^{-1/30},
 * e^{-1/120}], that is membrane time constants of 5 to 25 steps and adaptation time constants of
 * 30 to 120 steps, a to [-1, 1] and b to [0, 2]. sernn states the time constants in milliseconds,
 * alpha = exp(-dt / tau_u) and beta = exp(-dt / tau_w): with dt = 1 ms the default ranges are
 * sparch's exactly; another dt keeps the time constants in milliseconds (and so changes the
 * per-step decay range).
 *
 * <p>One departure: a is kept in [0, 1]. Below threshold a unit is the linear map
 * (u, w) -> ((alpha - (1 - alpha) a) u - (1 - alpha) beta w, a u + beta w) (plus input), whose
 * characteristic polynomial at 1 is (1 - alpha)(1 - beta + a): for a < -(1 - beta), that is for
 * almost all of sparch's negative half, an eigenvalue exceeds 1 and the membrane runs away
 * exponentially (measured: |u| about 1e11 after 100 steps of the maze model, 1e127 after 900). This
 * is the instability of this discretisation that Baronig et al. (Nat. Commun. 2025) analyse.
 *
 * @param dtMs        time step
 * @param tauUMinMs   shortest membrane time constant (alpha's lower bound)
 * @param tauUMaxMs   longest membrane time constant (alpha's upper bound)
 * @param tauWMinMs   shortest adaptation time constant (beta's lower bound)
 * @param tauWMaxMs   longest adaptation time constant (beta's upper bound)
 * @param aMin        lower bound of the subthreshold coupling a
 * @param aMax        upper bound of a
 * @param bMin        lower bound of the spike-triggered adaptation b
 * @param bMax        upper bound of b
 */
public record AdlifRanges(double dtMs, double tauUMinMs, double tauUMaxMs, double tauWMinMs, double tauWMaxMs,
        double aMin, double aMax, double bMin, double bMax) {

    /** sparch's ranges (time constants in ms, equal to sparch's steps at dt = 1 ms), with a >= 0. */
    public static AdlifRanges sparch(double dtMs) {
        return new AdlifRanges(dtMs, 5, 25, 30, 120, 0, 1, 0, 2);
    }

    public AdlifRanges {
        if (!(dtMs > 0) || Double.isInfinite(dtMs)) {
            throw new IllegalArgumentException("adLIF dt_ms is " + dtMs + "; it must be a finite number > 0");
        }
        requireRange("tau_u_ms", tauUMinMs, tauUMaxMs, true);
        requireRange("tau_w_ms", tauWMinMs, tauWMaxMs, true);
        requireRange("a", aMin, aMax, false);
        requireRange("b", bMin, bMax, false);
    }

    private static void requireRange(String name, double min, double max, boolean positive) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min <= max) || positive && !(min > 0)) {
            throw new IllegalArgumentException("adLIF " + name + " range is [" + min + ", " + max
                    + "]; it must be [min, max] with finite min <= max" + (positive ? " and min > 0" : ""));
        }
    }

    public double alphaMin() {
        return Math.exp(-dtMs / tauUMinMs);
    }

    public double alphaMax() {
        return Math.exp(-dtMs / tauUMaxMs);
    }

    public double betaMin() {
        return Math.exp(-dtMs / tauWMinMs);
    }

    public double betaMax() {
        return Math.exp(-dtMs / tauWMaxMs);
    }

    /**
     * Clamps alpha, beta, a and b of n units, laid out one after the other in {@code values}, into
     * their ranges, in place (sparch's torch.clamp).
     */
    public void clamp(double[] values, int n) {
        clamp(values, 0, n, alphaMin(), alphaMax());
        clamp(values, n, n, betaMin(), betaMax());
        clamp(values, 2 * n, n, aMin, aMax);
        clamp(values, 3 * n, n, bMin, bMax);
    }

    private static void clamp(double[] values, int from, int n, double min, double max) {
        for (int j = from; j < from + n; j++) {
            values[j] = Math.max(min, Math.min(max, values[j]));
        }
    }
}
