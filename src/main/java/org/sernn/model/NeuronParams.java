package org.sernn.model;

import java.util.Arrays;

/**
 * Per-unit parameters of the recurrent layer, with times in milliseconds. A unit adapts when its
 * {@code beta} is above zero (ALIF); LIF units have beta = 0 (Bellec et al., Nat. Commun. 2020).
 * Rate networks use only {@code activation}. Arrays are copied in and out.
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

    public NeuronParams(NeuronType type, Activation activation, double dtMs, double tauOutMs, double[] tauMMs,
            double[] tauAMs, double[] beta, double[] vTh, int[] nRef, boolean[] excitatory) {
        int n = tauMMs.length;
        if (tauAMs.length != n || beta.length != n || vTh.length != n || nRef.length != n || excitatory.length != n) {
            throw new IllegalArgumentException("per-unit parameter arrays must all have " + n + " entries");
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
                && Arrays.equals(p.excitatory, excitatory);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tauMMs) * 31 + Arrays.hashCode(beta);
    }
}
