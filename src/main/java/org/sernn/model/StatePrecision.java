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
        PhysicalRange.POSITIVE.require("state precision voltageStep", voltageStep);
        PhysicalRange.POSITIVE.require("state precision voltageLimit", voltageLimit);
        PhysicalRange.POSITIVE.require("state precision adaptationStep", adaptationStep);
        PhysicalRange.POSITIVE.require("state precision adaptationLimit", adaptationLimit);
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
}
