package org.sernn.model;

/**
 * Fixed-point neuron state, as on chips that store the membrane and adaptation variables in a few
 * bits: after every update a value x becomes clamp(round-half-even(x / step) * step, -limit, limit).
 * Absent (the default) means exact doubles.
 *
 * @param voltageStep     resolution of v (> 0)
 * @param voltageLimit    largest |v| (> 0)
 * @param adaptationStep  resolution of the adaptation variable a (> 0)
 * @param adaptationLimit largest |a| (> 0)
 */
public record StatePrecision(double voltageStep, double voltageLimit, double adaptationStep,
        double adaptationLimit) {

    public StatePrecision {
        requirePositive("voltageStep", voltageStep);
        requirePositive("voltageLimit", voltageLimit);
        requirePositive("adaptationStep", adaptationStep);
        requirePositive("adaptationLimit", adaptationLimit);
    }

    public double voltage(double v) {
        return quantise(v, voltageStep, voltageLimit);
    }

    public double adaptation(double a) {
        return quantise(a, adaptationStep, adaptationLimit);
    }

    private static double quantise(double x, double step, double limit) {
        return Math.max(-limit, Math.min(limit, Math.rint(x / step) * step));
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("state precision " + name + " is " + value
                    + "; it must be a finite number > 0");
        }
    }
}
