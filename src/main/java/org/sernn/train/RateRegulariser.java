package org.sernn.train;

/**
 * The firing-rate regulariser of Bellec et al. (2020): c_reg sum_j (f_j - f_target)^2, f_j the
 * mean rate of unit j in Hz over all trials and steps of a batch. Its derivative with respect to
 * each spike z_j,t of the batch is the same at every step and trial, {@link #slopes}; BPTT adds it to
 * dL/dz_t, e-prop multiplies it into the summed eligibility traces.
 */
final class RateRegulariser {
    private final double coefficient;
    private final double targetHz;
    private final double dtMs;

    RateRegulariser(double coefficient, double targetHz, double dtMs) {
        this.coefficient = coefficient;
        this.targetHz = targetHz;
        this.dtMs = dtMs;
    }

    boolean active() {
        return coefficient != 0.0;
    }

    /** The regulariser's value for per-unit spike counts over {@code trials} trials of {@code steps} steps. */
    double value(long[] spikesPerUnit, int steps, int trials) {
        double seconds = seconds(steps, trials);
        double loss = 0;
        for (long count : spikesPerUnit) {
            double excess = count / seconds - targetHz;
            loss += coefficient * excess * excess;
        }
        return loss;
    }

    /** dL/dz_j,t for each unit j: 2 c_reg (f_j - f_target) / (total seconds of the batch). */
    double[] slopes(long[] spikesPerUnit, int steps, int trials) {
        double seconds = seconds(steps, trials);
        double[] slope = new double[spikesPerUnit.length];
        for (int j = 0; j < slope.length; j++) {
            slope[j] = 2 * coefficient * (spikesPerUnit[j] / seconds - targetHz) / seconds;
        }
        return slope;
    }

    private double seconds(int steps, int trials) {
        return (double) steps * trials * dtMs / 1000.0;
    }
}
