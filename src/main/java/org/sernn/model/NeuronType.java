package org.sernn.model;

import java.util.List;

/**
 * The kind of recurrent unit; each runs the neuron model registered for it (neuron/NeuronModels).
 * LIF is ALIF with beta = 0 (Bellec et al., Nat. Commun. 2020). A constant lists the per-unit
 * parameters its model has beyond the common ones ({@link #extraParameters}).
 */
public enum NeuronType {
    LIF, ALIF, RATE,
    /** Adaptive LIF of Bittar and Garner 2022 (neuron/adlif); tau_m and tau_a hold its decays alpha and beta. */
    ADLIF(new UnitParameter("a", 0, 1, 0, 1, "adLIF subthreshold coupling of the adaptation to the membrane"),
            new UnitParameter("b", 0, 2, 0, 2, "adLIF spike-triggered adaptation increment")),
    /** The same with the symplectic-Euler ordering of Baronig et al. 2025. */
    ADLIF_SYMPLECTIC(ADLIF.extraParameters.toArray(new UnitParameter[0]));

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
