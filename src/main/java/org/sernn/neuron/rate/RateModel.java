package org.sernn.neuron.rate;

import org.sernn.model.Activation;

/**
 * Rate units as in the original seRNN (Keras SimpleRNN; Achterberg, Akarca et al. 2023):
 * h_t = f(u_t) with u_t = I_t = b + W_in x_t + W_rec h_{t-1}. The forward step and its derivative
 * work on a whole range of units at once; the engines and rate BPTT call nothing per unit.
 */
public record RateModel(Activation activation) {

    /** h[j] = f(current[j]) for j in [offset, offset + n): one step of n units (or of a batch laid end to end). */
    public void step(double[] current, double[] h, int offset, int n) {
        for (int j = offset; j < offset + n; j++) {
            h[j] = activation.apply(current[j]);
        }
    }

    /** The backward step: gradCurrent[j] = gh_j f'(u_j) for j in [offset, offset + n). */
    public void backwardStep(double[] current, double[] gh, double[] gradCurrent, int offset, int n) {
        for (int j = offset; j < offset + n; j++) {
            gradCurrent[j] = gh[j] * activation.derivative(current[j]);
        }
    }
}
