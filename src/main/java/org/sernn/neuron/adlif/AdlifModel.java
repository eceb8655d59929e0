package org.sernn.neuron.adlif;

import org.sernn.model.NeuronParams;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingModel;

/**
 * The adaptive LIF of Bittar and Garner (Front. Neurosci. 16:865897, 2022), optionally with the
 * symplectic-Euler ordering of Baronig et al. (Nat. Commun. 2025); docs/neurons.md.
 */
public final class AdlifModel implements SpikingModel<AdlifState, AdlifAdjoint> {
    private final AdlifDynamics dynamics;
    private final double kappa;

    public AdlifModel(NeuronParams params) {
        this(AdlifParameters.of(params), params.kappa());
    }

    /** @param kappa the readout's decay per step (filters e-prop's traces) */
    public AdlifModel(AdlifParameters params, double kappa) {
        this.dynamics = new AdlifDynamics(params);
        this.kappa = kappa;
    }

    @Override
    public AdlifDynamics dynamics() {
        return dynamics;
    }

    @Override
    public SpikingGradients<AdlifState, AdlifAdjoint> gradients(double surrogateSupport) {
        return new AdlifGradients(dynamics, kappa, surrogateSupport);
    }
}
