package org.sernn.neuron.alif;

import java.util.Arrays;
import java.util.List;
import org.sernn.model.LearnableTimeConstant;
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

    /** The learnt time constants ({@code neuron.learn}) in ms, tau_m before tau_a; empty when none is learnt. */
    @Override
    public double[] trainableValues() {
        List<LearnableTimeConstant> learnt = List.copyOf(params.learnedTimeConstants());
        int n = params.size();
        double[] values = new double[learnt.size() * n];
        for (int k = 0; k < learnt.size(); k++) {
            double[] tauMs = learnt.get(k) == LearnableTimeConstant.TAU_M ? params.tauMMs() : params.tauAMs();
            System.arraycopy(tauMs, 0, values, k * n, n);
        }
        return values;
    }

    /** Into [dt, max] of each {@link LearnableTimeConstant}. */
    @Override
    public void clampTrainable(double[] values) {
        List<LearnableTimeConstant> learnt = List.copyOf(params.learnedTimeConstants());
        int n = params.size();
        for (int k = 0; k < learnt.size(); k++) {
            learnt.get(k).clamp(values, k * n, n, params.dtMs());
        }
    }

    @Override
    public NeuronParams withTrainableValues(double[] values) {
        List<LearnableTimeConstant> learnt = List.copyOf(params.learnedTimeConstants());
        int n = params.size();
        if (learnt.isEmpty() || values.length != learnt.size() * n) {
            throw new IllegalArgumentException("these ALIF units learn " + learnt.size() + " x " + n
                    + " time constants, not " + values.length + " values");
        }
        double[] clamped = values.clone();
        clampTrainable(clamped);
        NeuronParams.Builder builder = params.toBuilder();
        for (int k = 0; k < learnt.size(); k++) {
            double[] tauMs = Arrays.copyOfRange(clamped, k * n, (k + 1) * n);
            if (learnt.get(k) == LearnableTimeConstant.TAU_M) {
                builder.tauMMs(tauMs);
            } else {
                builder.tauAMs(tauMs);
            }
        }
        return builder.build();
    }

    @Override
    public boolean hasAlifState() {
        return true;
    }
}
