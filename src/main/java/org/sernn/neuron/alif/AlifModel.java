package org.sernn.neuron.alif;

import org.sernn.model.NeuronParams;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingModel;

/**
 * The discrete adaptive LIF of Bellec et al. (Nat. Commun. 11:3625, 2020), LIF being the case
 * beta = 0, with an optional current-based synapse and fixed-point state (docs/neurons.md).
 */
public final class AlifModel implements SpikingModel<AlifState, AlifAdjoint> {
    private final NeuronParams params;
    private final AlifDynamics dynamics;

    public AlifModel(NeuronParams params) {
        this.params = params;
        this.dynamics = new AlifDynamics(params);
    }

    @Override
    public AlifDynamics dynamics() {
        return dynamics;
    }

    @Override
    public SpikingGradients<AlifState, AlifAdjoint> gradients(double surrogateSupport) {
        return new AlifGradients(params, dynamics, surrogateSupport);
    }

    @Override
    public boolean hasAlifState() {
        return true;
    }
}
