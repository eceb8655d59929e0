package org.sernn.train;

import org.sernn.model.ModelConfig;

/**
 * Pseudo-derivative of the spike function z = H(v - A) (docs/learning.md). Every shape is a
 * function psi(x) of the normalised distance to threshold x = (v - A) / v_th, as in Bellec et al.
 * 2020, whose spike function takes the scaled voltage; the chain rule through x then gives the
 * contract every shape meets:
 * <pre>
 *   derivative(x, v_th) = dz/d(v - A) = psi(x) / v_th
 * </pre>
 * so that the integral of the derivative over v - A is the integral of psi over x, whatever the
 * threshold (gamma for the triangle, 2 / slope for the fast sigmoid, gamma (1 - h) for the
 * multi-Gaussian, 1 for the boxcar).
 */
public sealed interface Surrogate permits Surrogate.Triangle, Surrogate.FastSigmoid, Surrogate.MultiGaussian,
        Surrogate.Boxcar {

    /** dz/d(v - A) = psi(x) / vTh for a unit with threshold vTh at normalised distance x = (v - A) / vTh. */
    double derivative(double x, double vTh);

    /** The derivative is 0 wherever |x| >= support (infinite when it has no bound). */
    default double support() {
        return Double.POSITIVE_INFINITY;
    }

    static Surrogate of(ModelConfig.SurrogateSpec spec) {
        return switch (spec.kind()) {
            case TRIANGLE -> new Triangle(spec.gamma());
            case FAST_SIGMOID -> new FastSigmoid(spec.slope());
            case MULTI_GAUSSIAN -> new MultiGaussian(spec.gamma());
            case BOXCAR -> new Boxcar();
        };
    }

    /** Bellec et al., Nat. Commun. 11:3625 (2020): psi(x) = gamma max(0, 1 - |x|), gamma = 0.3. */
    record Triangle(double gamma) implements Surrogate {
        @Override
        public double derivative(double x, double vTh) {
            return gamma / vTh * Math.max(0.0, 1.0 - Math.abs(x));
        }

        @Override
        public double support() {
            return 1.0;
        }
    }

    /** SuperSpike, Zenke and Ganguli, Neural Comput. 30:1514 (2018): psi(x) = 1 / (slope |x| + 1)^2. */
    record FastSigmoid(double slope) implements Surrogate {
        @Override
        public double derivative(double x, double vTh) {
            double d = slope * Math.abs(x) + 1.0;
            return 1.0 / (d * d) / vTh;
        }
    }

    /**
     * Yin, Corradi and Bohte, Nat. Mach. Intell. 3:905 (2021): psi(x) = gamma [(1 + h) N(x; 0, s) - h N(x; s, 6s)
     * - h N(x; -s, 6s)] with s = 0.5, h = 0.15.
     */
    record MultiGaussian(double gamma) implements Surrogate {
        private static final double S = 0.5;
        private static final double H = 0.15;

        @Override
        public double derivative(double x, double vTh) {
            return gamma * ((1 + H) * gaussian(x, 0, S) - H * gaussian(x, S, 6 * S) - H * gaussian(x, -S, 6 * S))
                    / vTh;
        }

        private static double gaussian(double x, double mean, double sd) {
            double u = (x - mean) / sd;
            return Math.exp(-0.5 * u * u) / (sd * Math.sqrt(2 * Math.PI));
        }
    }

    /**
     * Boxcar of unit area, 1 / v_th on -1/2 < x <= 1/2 and 0 elsewhere: with v_th = 1 the
     * derivative of sparch's SpikeFunctionBoxcar (Bittar and Garner, Front. Neurosci. 16:865897,
     * 2022, after DECOLLE, Kaiser et al. 2020), which passes the gradient unchanged there.
     */
    record Boxcar() implements Surrogate {
        @Override
        public double derivative(double x, double vTh) {
            return x > -0.5 && x <= 0.5 ? 1.0 / vTh : 0.0;
        }

        @Override
        public double support() {
            return 0.5;
        }
    }
}
