package org.sernn.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-unit parameters of the recurrent layer, with times in milliseconds, made by name with
 * {@link #builder} and checked there against their physical ranges ({@link PhysicalRange}): a config,
 * a checkpoint, a NIR file and a deployment all pass the same checks. A unit adapts when its
 * {@code beta} is above zero (ALIF); LIF units have beta = 0 (Bellec et al., Nat. Commun. 2020).
 * Rate networks use only {@code activation}. Models with parameters of their own carry them as
 * {@link #extra} arrays declared by their {@link NeuronType}. Arrays are copied in and out. Two
 * optional extensions: a current-based synapse per unit ({@link Builder#synapticDecay}) and
 * fixed-point state ({@link Builder#statePrecision}).
 */
public final class NeuronParams {
    private final NeuronType type;
    private final Activation activation;
    private final double dtMs;
    private final double tauOutMs;
    private final double[] tauMMs;
    private final double[] tauAMs;
    private final double[] beta;
    private final double[] vTh;
    private final int[] nRef;
    private final boolean[] excitatory;
    private final double[] alphaSyn;
    private final StatePrecision statePrecision;
    /** One array per {@link NeuronType#extraParameters}, in that order. */
    private final double[][] extras;
    private final EnumSet<LearnableTimeConstant> learned;

    private NeuronParams(Builder b) {
        this.type = b.type;
        this.activation = b.activation;
        this.dtMs = b.dtMs;
        this.tauOutMs = b.tauOutMs;
        this.tauMMs = b.tauMMs;
        this.tauAMs = b.tauAMs;
        this.beta = b.beta;
        this.vTh = b.vTh;
        this.nRef = b.nRef;
        this.excitatory = b.excitatory;
        this.alphaSyn = b.alphaSyn;
        this.statePrecision = b.statePrecision;
        this.extras = b.extras;
        this.learned = b.learned;
    }

    /** Parameters of n units of a type; set at least dt, tau_out, tau_m, tau_a and v_th. */
    public static Builder builder(NeuronType type, int n) {
        return new Builder(type, n);
    }

    /** A builder holding these parameters, to change some of them. */
    public Builder toBuilder() {
        Builder b = builder(type, size()).activation(activation).dtMs(dtMs).tauOutMs(tauOutMs).tauMMs(tauMMs)
                .tauAMs(tauAMs).beta(beta).vTh(vTh).nRef(nRef).excitatory(excitatory).synapticDecay(alphaSyn)
                .statePrecision(statePrecision).learnedTimeConstants(learned);
        List<UnitParameter> keys = type.extraParameters();
        for (int k = 0; k < keys.size(); k++) {
            b.extra(keys.get(k), extras[k]);
        }
        return b;
    }

    /**
     * The same units with a current-based synapse (CUBA): s_t = alpha_syn s_{t-1} + I_t, and s_t
     * drives the membrane in place of I_t. alpha_syn = 0 (the default) is no synapse.
     */
    public NeuronParams withSynapticDecay(double[] alphaSyn) {
        return toBuilder().synapticDecay(alphaSyn).build();
    }

    /** The same units with fixed-point state (null: exact doubles, the default). */
    public NeuronParams withStatePrecision(StatePrecision precision) {
        return toBuilder().statePrecision(precision).build();
    }

    public int size() {
        return tauMMs.length;
    }

    public NeuronType type() {
        return type;
    }

    public Activation activation() {
        return activation;
    }

    public double dtMs() {
        return dtMs;
    }

    public double tauOutMs() {
        return tauOutMs;
    }

    public double[] tauMMs() {
        return tauMMs.clone();
    }

    public double[] tauAMs() {
        return tauAMs.clone();
    }

    public double[] beta() {
        return beta.clone();
    }

    public double[] vTh() {
        return vTh.clone();
    }

    public int[] nRef() {
        return nRef.clone();
    }

    /** Sign of each unit's outgoing recurrent weights under Dale's law (all true without it). */
    public boolean[] excitatory() {
        return excitatory.clone();
    }

    /** Per-unit synaptic current decay per step (all 0 without synapses). */
    public double[] alphaSyn() {
        return alphaSyn.clone();
    }

    public boolean hasSynapses() {
        return Arrays.stream(alphaSyn).anyMatch(decay -> decay != 0.0);
    }

    public Optional<StatePrecision> statePrecision() {
        return Optional.ofNullable(statePrecision);
    }

    /** The values of one of the type's {@link NeuronType#extraParameters}. */
    public double[] extra(UnitParameter parameter) {
        int k = type.extraParameters().indexOf(parameter);
        if (k < 0) {
            throw new IllegalArgumentException(type + " units have no parameter " + parameter.key());
        }
        return extras[k].clone();
    }

    /** The time constants that training learns per unit ({@code neuron.learn}; empty: none). */
    public Set<LearnableTimeConstant> learnedTimeConstants() {
        return EnumSet.copyOf(learned);
    }

    public boolean isAdaptive(int unit) {
        return beta[unit] > 0;
    }

    /** Membrane decay per step, alpha = exp(-dt / tau_m). */
    public double[] alpha() {
        return decay(tauMMs);
    }

    /** Adaptation decay per step, rho = exp(-dt / tau_a). */
    public double[] rho() {
        return decay(tauAMs);
    }

    /** Readout decay per step, kappa = exp(-dt / tau_out); 0 when tau_out = 0 (no leak). */
    public double kappa() {
        return tauOutMs > 0 ? Math.exp(-dtMs / tauOutMs) : 0.0;
    }

    private double[] decay(double[] tauMs) {
        return Arrays.stream(tauMs).map(tau -> Math.exp(-dtMs / tau)).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NeuronParams p && p.type == type && p.activation == activation && p.dtMs == dtMs
                && p.tauOutMs == tauOutMs && Arrays.equals(p.tauMMs, tauMMs) && Arrays.equals(p.tauAMs, tauAMs)
                && Arrays.equals(p.beta, beta) && Arrays.equals(p.vTh, vTh) && Arrays.equals(p.nRef, nRef)
                && Arrays.equals(p.excitatory, excitatory) && Arrays.equals(p.alphaSyn, alphaSyn)
                && Objects.equals(p.statePrecision, statePrecision) && Arrays.deepEquals(p.extras, extras)
                && p.learned.equals(learned);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tauMMs) * 31 + Arrays.hashCode(beta);
    }

    /**
     * Named construction of {@link NeuronParams}. Per-unit arrays must have n entries (the scalar
     * overloads give every unit the same value); defaults: ReLU activation, beta = 0 (LIF), n_ref = 0, every unit
     * excitatory, no synapse, exact state. {@link #build} checks every range.
     */
    public static final class Builder {
        private final NeuronType type;
        private final int n;
        private Activation activation = Activation.RELU;
        private double dtMs = Double.NaN;
        private double tauOutMs = Double.NaN;
        private double[] tauMMs;
        private double[] tauAMs;
        private double[] beta;
        private double[] vTh;
        private int[] nRef;
        private boolean[] excitatory;
        private double[] alphaSyn;
        private StatePrecision statePrecision;
        private final double[][] extras;
        private EnumSet<LearnableTimeConstant> learned = EnumSet.noneOf(LearnableTimeConstant.class);

        private Builder(NeuronType type, int n) {
            this.type = Objects.requireNonNull(type, "type");
            if (n < 1) {
                throw new IllegalArgumentException("a population needs at least one unit, not " + n);
            }
            this.n = n;
            this.beta = new double[n];
            this.nRef = new int[n];
            this.excitatory = new boolean[n];
            Arrays.fill(excitatory, true);
            this.alphaSyn = new double[n];
            this.extras = new double[type.extraParameters().size()][];
        }

        public Builder activation(Activation value) {
            activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        public Builder dtMs(double value) {
            dtMs = value;
            return this;
        }

        public Builder tauOutMs(double value) {
            tauOutMs = value;
            return this;
        }

        public Builder tauMMs(double[] values) {
            tauMMs = perUnit("tau_m_ms", values);
            return this;
        }

        /** The same tau_m_ms for every unit. */
        public Builder tauMMs(double value) {
            return tauMMs(filled(value));
        }

        public Builder tauAMs(double[] values) {
            tauAMs = perUnit("tau_a_ms", values);
            return this;
        }

        /** The same tau_a_ms for every unit. */
        public Builder tauAMs(double value) {
            return tauAMs(filled(value));
        }

        public Builder beta(double[] values) {
            beta = perUnit("beta", values);
            return this;
        }

        /** The same beta for every unit. */
        public Builder beta(double value) {
            return beta(filled(value));
        }

        public Builder vTh(double[] values) {
            vTh = perUnit("v_th", values);
            return this;
        }

        /** The same v_th for every unit. */
        public Builder vTh(double value) {
            return vTh(filled(value));
        }

        public Builder nRef(int[] values) {
            nRef = requireLength("n_ref", values.length, values.clone());
            return this;
        }

        /** The same n_ref for every unit. */
        public Builder nRef(int value) {
            int[] values = new int[n];
            Arrays.fill(values, value);
            return nRef(values);
        }

        public Builder excitatory(boolean[] values) {
            excitatory = requireLength("excitatory", values.length, values.clone());
            return this;
        }

        /** Per-unit synaptic decay alpha_syn in [0, 1); 0 is no synapse. */
        public Builder synapticDecay(double[] values) {
            alphaSyn = perUnit("alpha_syn", values);
            return this;
        }

        /** Fixed-point state; null: exact doubles. */
        public Builder statePrecision(StatePrecision value) {
            statePrecision = value;
            return this;
        }

        /** The time constants that training learns per unit (ALIF/LIF only; none by default). */
        public Builder learnedTimeConstants(Set<LearnableTimeConstant> values) {
            learned = values.isEmpty() ? EnumSet.noneOf(LearnableTimeConstant.class) : EnumSet.copyOf(values);
            return this;
        }

        /** The values of one of the type's {@link NeuronType#extraParameters}. */
        public Builder extra(UnitParameter parameter, double[] values) {
            int k = type.extraParameters().indexOf(parameter);
            if (k < 0) {
                throw new IllegalArgumentException(type + " units have no parameter " + parameter.key());
            }
            extras[k] = perUnit(parameter.key(), values);
            return this;
        }

        /** @throws IllegalArgumentException naming the first parameter that is missing or out of range */
        public NeuronParams build() {
            PhysicalRange.POSITIVE.require("dt_ms", required("dt_ms", dtMs));
            PhysicalRange.NON_NEGATIVE.require("tau_out_ms", required("tau_out_ms", tauOutMs));
            PhysicalRange.POSITIVE.require("tau_m_ms", required("tau_m_ms", tauMMs));
            PhysicalRange.POSITIVE.require("tau_a_ms", required("tau_a_ms", tauAMs));
            PhysicalRange.NON_NEGATIVE.require("beta", beta);
            PhysicalRange.POSITIVE.require("v_th", required("v_th", vTh));
            PhysicalRange.requireNonNegative("n_ref", nRef);
            PhysicalRange.DECAY.require("alpha_syn", alphaSyn);
            List<UnitParameter> keys = type.extraParameters();
            for (int k = 0; k < keys.size(); k++) {
                keys.get(k).require(required(keys.get(k).key(), extras[k]));
            }
            if (!learned.isEmpty() && type != NeuronType.ALIF && type != NeuronType.LIF) {
                throw new IllegalArgumentException("only ALIF/LIF units learn time constants, not " + type);
            }
            return new NeuronParams(this);
        }

        private double[] perUnit(String key, double[] values) {
            return requireLength(key, values.length, values.clone());
        }

        private double[] filled(double value) {
            double[] values = new double[n];
            Arrays.fill(values, value);
            return values;
        }

        private <T> T requireLength(String key, int length, T values) {
            if (length != n) {
                throw new IllegalArgumentException(key + " has " + length + " entries; the population has " + n
                        + " units");
            }
            return values;
        }

        private static double required(String key, double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException(key + " is not set");
            }
            return value;
        }

        private static double[] required(String key, double[] values) {
            if (values == null) {
                throw new IllegalArgumentException(key + " is not set");
            }
            return values;
        }
    }
}
