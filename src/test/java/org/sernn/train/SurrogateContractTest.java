package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every surrogate meets {@code derivative(x, v_th) = dz/d(v - A) = psi(x) / v_th}: integrated over
 * u = v - A it gives the integral of psi over x, in closed form, whatever the threshold; and it
 * scales as 1 / v_th at a fixed normalised distance.
 */
class SurrogateContractTest {
    private static final List<Surrogate> SHAPES = List.of(new Surrogate.Triangle(0.3), new Surrogate.FastSigmoid(5.0),
            new Surrogate.MultiGaussian(0.5));
    /** Integrals of psi over x: gamma; 2 / slope; gamma (1 + h - h - h) with h = 0.15. */
    private static final double[] PSI_INTEGRALS = {0.3, 2.0 / 5.0, 0.5 * (1 - 0.15)};

    @ParameterizedTest
    @ValueSource(doubles = {0.25, 0.6, 1.0, 2.5})
    void integralOverVoltageIsThresholdFree(double vTh) {
        for (int k = 0; k < SHAPES.size(); k++) {
            Surrogate s = SHAPES.get(k);
            // integral of dz/du du by the midpoint rule; the fast sigmoid's tails beyond |x| = X add 2 / (slope^2 X)
            double bound = 50.0;
            int steps = 1_000_000;
            double h = 2 * bound * vTh / steps;
            double sum = 0;
            for (int i = 0; i < steps; i++) {
                double u = -bound * vTh + (i + 0.5) * h;
                sum += s.derivative(u / vTh, vTh) * h;
            }
            double tails = s instanceof Surrogate.FastSigmoid f ? 2.0 / (f.slope() * (f.slope() * bound + 1)) : 0.0;
            assertEquals(PSI_INTEGRALS[k], sum + tails, 1e-6, s + " at v_th " + vTh);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.7, -0.3, 0.0, 0.45, 0.9, 3.0})
    void scalesAsOneOverThreshold(double x) {
        for (Surrogate s : SHAPES) {
            assertEquals(s.derivative(x, 1.0) / 0.6, s.derivative(x, 0.6), 1e-15 * Math.abs(s.derivative(x, 1.0)) + 1e-300,
                    s + " at x " + x);
        }
    }
}
