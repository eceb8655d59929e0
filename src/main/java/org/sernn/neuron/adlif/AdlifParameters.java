package org.sernn.neuron.adlif;

import java.util.Arrays;
import java.util.Objects;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.model.StatePrecision;
import org.sernn.model.UnitParameter;

/**
 * Per-unit parameters of an adLIF population (Bittar and Garner, Front. Neurosci. 16:865897,
 * 2022): membrane decay alpha, adaptation decay beta, subthreshold coupling a and spike-triggered
 * adaptation b; the threshold is theta = 1 for every unit, as in sparch. In {@link NeuronParams}
 * alpha and beta are the membrane and adaptation decays exp(-dt / tau_m) and exp(-dt / tau_a), so
 * everything that reads or rounds decays (hardware profiles, checkpoints, energy) treats them as
 * it treats ALIF's; a and b are the type's extra per-unit parameters. Arrays are copied in and out.
 */
public final class AdlifParameters {
    /** Spike threshold theta (sparch's default; the reset subtracts it). */
    public static final double THRESHOLD = 1.0;

    private final double[] alpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final AdlifDiscretisation discretisation;
    private final StatePrecision precision;

    /** @param precision fixed-point state (u rounded as a voltage, w as an adaptation), or null for exact */
    public AdlifParameters(double[] alpha, double[] beta, double[] a, double[] b, AdlifDiscretisation discretisation,
            StatePrecision precision) {
        int n = alpha.length;
        if (beta.length != n || a.length != n || b.length != n) {
            throw new IllegalArgumentException("adLIF alpha, beta, a, b must all have " + n + " entries; they have "
                    + n + ", " + beta.length + ", " + a.length + ", " + b.length);
        }
        requireDecay("alpha", alpha);
        requireDecay("beta", beta);
        this.alpha = alpha.clone();
        this.beta = beta.clone();
        this.a = a.clone();
        this.b = b.clone();
        this.discretisation = Objects.requireNonNull(discretisation, "discretisation");
        this.precision = precision;
    }

    /**
     * The adLIF parameters held by a population's {@link NeuronParams}.
     *
     * @throws IllegalArgumentException when a unit's v_th is not theta = 1 (sparch's fixed threshold)
     */
    public static AdlifParameters of(NeuronParams params) {
        double[] vTh = params.vTh();
        for (int j = 0; j < vTh.length; j++) {
            if (vTh[j] != THRESHOLD) {
                throw new IllegalArgumentException("adLIF units have the fixed threshold 1 (as in sparch), but unit "
                        + j + " has v_th " + vTh[j]);
            }
        }
        return new AdlifParameters(params.alpha(), params.rho(), params.extra(couplingA()), params.extra(incrementB()),
                discretisation(params.type()), params.statePrecision().orElse(null));
    }

    /** The extra per-unit parameter a of the adLIF types. */
    public static UnitParameter couplingA() {
        return NeuronType.ADLIF.extraParameters().get(0);
    }

    /** The extra per-unit parameter b of the adLIF types. */
    public static UnitParameter incrementB() {
        return NeuronType.ADLIF.extraParameters().get(1);
    }

    static AdlifDiscretisation discretisation(NeuronType type) {
        return switch (type) {
            case ADLIF -> AdlifDiscretisation.BITTAR_GARNER;
            case ADLIF_SYMPLECTIC -> AdlifDiscretisation.SYMPLECTIC_EULER;
            default -> throw new IllegalArgumentException(type + " units are not adLIF units");
        };
    }

    private static void requireDecay(String name, double[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!(values[j] >= 0 && values[j] < 1)) {
                throw new IllegalArgumentException("adLIF " + name + " of unit " + j + " is " + values[j]
                        + "; it must be in [0, 1)");
            }
        }
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

    public AdlifDiscretisation discretisation() {
        return discretisation;
    }

    /** Fixed-point state, or null for exact doubles. */
    StatePrecision precision() {
        return precision;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdlifParameters p && Arrays.equals(p.alpha, alpha) && Arrays.equals(p.beta, beta)
                && Arrays.equals(p.a, a) && Arrays.equals(p.b, b) && p.discretisation == discretisation
                && Objects.equals(p.precision, precision);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(alpha), Arrays.hashCode(beta), Arrays.hashCode(a), Arrays.hashCode(b),
                discretisation);
    }
}
