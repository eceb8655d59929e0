package org.sernn.neuron;

import org.sernn.model.NeuronParams;

/**
 * A spiking neuron model bound to the parameters of one population: its forward step and its
 * gradients share the state type. Made by {@link NeuronModels#spiking}.
 *
 * @param <S> state of a batch of trials
 * @param <A> adjoint state of a batch of trials
 */
public interface SpikingModel<S extends SpikingState, A> {

    SpikingDynamics<S> dynamics();

    /**
     * The model's gradients for a surrogate that is zero wherever |x| >= {@code surrogateSupport}
     * (x = (v - A) / v_th; infinite when it has no bound).
     */
    SpikingGradients<S, A> gradients(double surrogateSupport);

    /**
     * The current values of the model's {@link SpikingGradients#trainableParameters}, parameter k of
     * unit j at k n + j, in the space their gradients are taken in (adLIF: alpha, not tau_m). Empty
     * by default: the model learns nothing besides the weights.
     */
    default double[] trainableValues() {
        return new double[0];
    }

    /** Clamps values laid out as {@link #trainableValues} into their allowed ranges, in place (after an optimiser step). */
    default void clampTrainable(double[] values) {
    }

    /**
     * The population's parameters with the trainable ones set to {@code values} (clamped into their
     * ranges), laid out as {@link #trainableValues}.
     */
    default NeuronParams withTrainableValues(double[] values) {
        throw new IllegalArgumentException("this neuron model has no trainable per-unit parameters");
    }

    /**
     * Whether the state is ALIF's: a membrane v with subtractive reset by v_th, an adaptation a
     * raising the threshold to v_th + beta a, decays from tau_m and tau_a. Only such models are
     * written to NIR (LIF/CubaLIF nodes with sernn's adaptation metadata) and netx (Loihi ALIF), and
     * mapped to a chip's fixed-point state; for any other model those refuse. False by default.
     */
    default boolean hasAlifState() {
        return false;
    }
}
