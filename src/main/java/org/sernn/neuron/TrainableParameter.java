package org.sernn.neuron;

/**
 * A per-unit parameter that a neuron model can learn alongside the weights (for instance adLIF's
 * alpha, beta, a and b, or a learnable membrane time constant). Its gradient is accumulated by
 * {@link SpikingGradients#backwardStep} into the slice [index n, (index + 1) n) of the
 * parameter-gradient array, where index is its position in
 * {@link SpikingGradients#trainableParameters}.
 *
 * @param key     name in checkpoints and gradient dumps (snake_case, e.g. {@code alpha})
 * @param meaning one line for humans, with units
 */
public record TrainableParameter(String key, String meaning) {
}
