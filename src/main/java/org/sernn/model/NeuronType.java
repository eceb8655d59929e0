package org.sernn.model;

import java.util.List;

/**
 * The kind of recurrent unit; each runs the neuron model registered for it (neuron/NeuronModels).
 * LIF is ALIF with beta = 0 (Bellec et al., Nat. Commun. 2020). A constant lists the per-unit
 * parameters its model has beyond the common ones ({@link #extraParameters}).
 */
public enum NeuronType {
    LIF, ALIF, RATE;

    private final List<UnitParameter> extraParameters;

    NeuronType(UnitParameter... extraParameters) {
        this.extraParameters = List.of(extraParameters);
    }

    public boolean isSpiking() {
        return this != RATE;
    }

    /** Per-unit parameters of this model beyond tau_m, tau_a, beta, v_th and n_ref, in a fixed order. */
    public List<UnitParameter> extraParameters() {
        return extraParameters;
    }
}
