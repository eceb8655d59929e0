package org.sernn.neuron;

/**
 * The eligibility traces of one trial for e-prop (Bellec et al., Nat. Commun. 11:3625, 2020):
 * e_ji,t = dz_j,t / dW_ji through unit j's own state only, and their readout-filtered sums
 * F_ji,t = kappa F_ji,t-1 + e_ji,t. Presynaptic columns are [x_t (n_in), 1, z_{t-1} (n_rec)], so one
 * trace serves the input weights, the bias and the recurrent weights. Made by
 * {@link SpikingGradients#eligibilityTraces}; memory independent of the sequence length.
 */
public interface EligibilityTraces {

    /** Zero traces, for a new trial. */
    void reset();

    /**
     * Step t.
     *
     * @param pre     p_t = [x_t, 1, z_{t-1}], read
     * @param psi     psi_j,t = dz_j,t / dv_j,t (0 while refractory), read
     * @param psiPrev psi_j,t-1, read
     * @param sumOfE  when not null, receives += e_t (n_rec, width), for the rate regulariser
     */
    void advance(int t, double[] pre, double[] psi, double[] psiPrev, double[] sumOfE);

    /** grad_j += signal_j F_j,t for every unit j with a non-zero learning signal (after {@link #advance} at t). */
    void addWeighted(int t, double[] signal, double[] grad);
}
