package org.sernn.neuron;

import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.neuron.adlif.AdlifModel;
import org.sernn.neuron.alif.AlifModel;
import org.sernn.neuron.rate.RateModel;

/**
 * The registry: which model runs each {@link NeuronType}. Adding a spiking model is its own package
 * plus one line in the switch of {@link #spiking}; the switch is exhaustive, so a new
 * {@link NeuronType} constant without a model does not compile, and can never run silently as
 * another model.
 */
public final class NeuronModels {
    private NeuronModels() {
    }

    /**
     * The spiking model of a population.
     *
     * @throws IllegalArgumentException when the population is not spiking
     */
    public static SpikingModel<?, ?> spiking(NeuronParams params) {
        return switch (params.type()) {
            case LIF, ALIF -> new AlifModel(params);
            case ADLIF, ADLIF_SYMPLECTIC -> new AdlifModel(params);
            case RATE -> throw new IllegalArgumentException("rate units do not spike: use NeuronModels.rate");
        };
    }

    /** Whether the population is spiking with ALIF's state ({@link SpikingModel#hasAlifState}). */
    public static boolean hasAlifState(NeuronParams params) {
        return params.type().isSpiking() && spiking(params).hasAlifState();
    }

    /**
     * The rate model of a population.
     *
     * @throws IllegalArgumentException when the population is spiking
     */
    public static RateModel rate(NeuronParams params) {
        if (params.type().isSpiking()) {
            throw new IllegalArgumentException(params.type() + " units spike: use NeuronModels.spiking");
        }
        return new RateModel(params.activation());
    }
}
