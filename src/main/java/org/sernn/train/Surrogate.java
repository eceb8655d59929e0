package org.sernn.train;

import org.sernn.model.ModelConfig;

/**
 * Pseudo-derivative psi of the spike function z = H(v - A), as a function of the normalised
 * distance to threshold x = (v - A) / v_th (docs/learning.md). The chain rule then uses
 * dz/dv = psi(x) / v_th for the Bellec triangle, whose definition includes the 1 / v_th; the other
 * shapes are used as given, psi(x) directly.
 */
public sealed interface Surrogate permits Surrogate.Triangle, Surrogate.FastSigmoid, Surrogate.MultiGaussian,
        Surrogate.Boxcar {

    /** dz/d(v - A) for a unit with threshold vTh at normalised distance x = (v - A) / vTh. */
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

    /** Bellec et al., Nat. Commun. 11:3625 (2020): (gamma / v_th) max(0, 1 - |x|), gamma = 0.3. */
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

    /** SuperSpike, Zenke and Ganguli, Neural Comput. 30:1514 (2018): 1 / (slope |x| + 1)^2. */
    record FastSigmoid(double slope) implements Surrogate {
        @Override
        public double derivative(double x, double vTh) {
            double d = slope * Math.abs(x) + 1.0;
            return 1.0 / (d * d);
        }
    }

    /**
     * Yin, Corradi and Bohte, Nat. Mach. Intell. 3:905 (2021): gamma [(1 + h) N(x; 0, s) - h N(x; s, 6s)
     * - h N(x; -s, 6s)] with s = 0.5, h = 0.15.
     */
    record MultiGaussian(double gamma) implements Surrogate {
        private static final double S = 0.5;
        private static final double H = 0.15;

        @Override
        public double derivative(double x, double vTh) {
            return gamma * ((1 + H) * gaussian(x, 0, S) - H * gaussian(x, S, 6 * S) - H * gaussian(x, -S, 6 * S));
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
