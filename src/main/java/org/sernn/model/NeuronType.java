package org.sernn.model;

/** The kind of recurrent unit. LIF is ALIF with beta = 0 (Bellec et al., Nat. Commun. 2020). */
public enum NeuronType {
    LIF, ALIF, RATE;

    public boolean isSpiking() {
        return this != RATE;
    }
}
