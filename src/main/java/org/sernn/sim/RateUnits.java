package org.sernn.sim;

import org.sernn.model.Activation;

/**
 * One time step of rate units as in the original seRNN (Keras SimpleRNN):
 * h_t = f(I_t) with I_t = b + W_in x_t + W_rec h_{t-1} (Achterberg, Akarca et al. 2023).
 */
public final class RateUnits {
    private RateUnits() {
    }

    /** h[offset + j] = f(current[offset + j]) for j in [0, n). */
    public static void step(Activation activation, double[] current, double[] h, int offset, int n) {
        for (int j = offset; j < offset + n; j++) {
            h[j] = activation.apply(current[j]);
        }
    }
}
