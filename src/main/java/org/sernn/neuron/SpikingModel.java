package org.sernn.neuron;

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
}
