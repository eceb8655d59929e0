package org.sernn.model;

/**
 * The allowed values of a physical parameter, checked in one place wherever neuron parameters are
 * made: from a config, a checkpoint, a NIR file or a deployment. Failures name the key, the value
 * (and the unit, for per-unit arrays) and what is allowed.
 */
public enum PhysicalRange {
    /** Time constants, thresholds, time steps, resolutions: finite and > 0. */
    POSITIVE("a finite number > 0"),
    /** Readout time constant (0: no leak), adaptation strength: finite and >= 0. */
    NON_NEGATIVE("a finite number >= 0"),
    /** Decay factors per step, exp(-dt / tau) with tau in [0, infinity): [0, 1). */
    DECAY("in [0, 1)"),
    /** Any finite number. */
    FINITE("a finite number");

    private final String allowed;

    PhysicalRange(String allowed) {
        this.allowed = allowed;
    }

    /** What is allowed, for messages ("a finite number > 0"). */
    public String allowed() {
        return allowed;
    }

    public boolean contains(double value) {
        return switch (this) {
            case POSITIVE -> value > 0 && value < Double.POSITIVE_INFINITY;
            case NON_NEGATIVE -> value >= 0 && value < Double.POSITIVE_INFINITY;
            case DECAY -> value >= 0 && value < 1;
            case FINITE -> Double.isFinite(value);
        };
    }

    /** @throws IllegalArgumentException naming the key and value when the value is outside the range */
    public void require(String key, double value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(key + " is " + value + "; it must be " + allowed);
        }
    }

    /** @throws IllegalArgumentException naming the key, the first unit outside the range and its value */
    public void require(String key, double[] values) {
        for (int unit = 0; unit < values.length; unit++) {
            if (!contains(values[unit])) {
                throw new IllegalArgumentException(key + " of unit " + unit + " is " + values[unit] + "; it must be "
                        + allowed);
            }
        }
    }

    /** Whole-number parameters (refractory steps): >= 0. */
    public static void requireNonNegative(String key, int[] values) {
        for (int unit = 0; unit < values.length; unit++) {
            if (values[unit] < 0) {
                throw new IllegalArgumentException(key + " of unit " + unit + " is " + values[unit]
                        + "; it must be a whole number >= 0");
            }
        }
    }
}
