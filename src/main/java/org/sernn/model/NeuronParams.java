package org.sernn.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-unit parameters of the recurrent layer, with times in milliseconds. A unit adapts when its
 * {@code beta} is above zero (ALIF); LIF units have beta = 0 (Bellec et al., Nat. Commun. 2020).
 * Rate networks use only {@code activation}. Arrays are copied in and out. Two optional extensions,
 * set with withers: a current-based synapse per unit ({@link #withSynapticDecay}) and fixed-point
 * state ({@link #withStatePrecision}).
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

    public NeuronParams(NeuronType type, Activation activation, double dtMs, double tauOutMs, double[] tauMMs,
            double[] tauAMs, double[] beta, double[] vTh, int[] nRef, boolean[] excitatory) {
        this(type, activation, dtMs, tauOutMs, tauMMs, tauAMs, beta, vTh, nRef, excitatory,
                new double[tauMMs.length], null);
    }

    private NeuronParams(NeuronType type, Activation activation, double dtMs, double tauOutMs, double[] tauMMs,
            double[] tauAMs, double[] beta, double[] vTh, int[] nRef, boolean[] excitatory, double[] alphaSyn,
            StatePrecision statePrecision) {
        int n = tauMMs.length;
        if (tauAMs.length != n || beta.length != n || vTh.length != n || nRef.length != n || excitatory.length != n
                || alphaSyn.length != n) {
            throw new IllegalArgumentException("per-unit parameter arrays must all have " + n + " entries");
        }
        for (double decay : alphaSyn) {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("synaptic decay alpha_syn is " + decay + "; it must be in [0, 1)");
            }
        }
        this.type = type;
        this.activation = activation;
        this.dtMs = dtMs;
        this.tauOutMs = tauOutMs;
        this.tauMMs = tauMMs.clone();
        this.tauAMs = tauAMs.clone();
        this.beta = beta.clone();
        this.vTh = vTh.clone();
        this.nRef = nRef.clone();
        this.excitatory = excitatory.clone();
        this.alphaSyn = alphaSyn.clone();
        this.statePrecision = statePrecision;
    }

    /**
     * The same units with a current-based synapse (CUBA): s_t = alpha_syn s_{t-1} + I_t, and s_t
     * drives the membrane in place of I_t. alpha_syn = 0 (the default) is no synapse.
     */
    public NeuronParams withSynapticDecay(double[] alphaSyn) {
        return new NeuronParams(type, activation, dtMs, tauOutMs, tauMMs, tauAMs, beta, vTh, nRef, excitatory,
                alphaSyn, statePrecision);
    }

    /** The same units with fixed-point state (null: exact doubles, the default). */
    public NeuronParams withStatePrecision(StatePrecision precision) {
        return new NeuronParams(type, activation, dtMs, tauOutMs, tauMMs, tauAMs, beta, vTh, nRef, excitatory,
                alphaSyn, precision);
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
                && Objects.equals(p.statePrecision, statePrecision);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tauMMs) * 31 + Arrays.hashCode(beta);
    }
}
