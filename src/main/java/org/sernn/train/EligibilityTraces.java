package org.sernn.train;

import java.util.Arrays;
import org.sernn.model.NeuronParams;

/**
 * The eligibility traces of one trial, advanced one step at a time (Bellec et al., Nat. Commun.
 * 11:3625, 2020, Methods; docs/learning.md). For a weight W_ji from presynaptic value p_i,t
 * into unit j (p = x_t for input weights, 1 for the bias, z_{t-1} for recurrent weights):
 * <pre>
 *   P_ji,t   = alpha_j P_ji,t-1 + p_i,t                                  (= dv_j,t / dW_ji)
 *   eps_ji,t = (rho_j - beta_j psi_j,t-1) eps_ji,t-1 + psi_j,t-1 P_ji,t-1  (= da_j,t / dW_ji, ALIF only)
 *   e_ji,t   = psi_j,t (P_ji,t - beta_j eps_ji,t)                        (= dz_j,t / dW_ji)
 *   F_ji,t   = kappa F_ji,t-1 + e_ji,t                                   (readout-filtered trace)
 * </pre>
 * with the recurrent spikes' influence through the recurrent input and the reset left out, which is
 * what makes the traces local. P depends on j only through alpha_j, so it is kept once per distinct
 * alpha; eps only for adaptive units. Presynaptic columns: [x (n_in), 1, z_{t-1} (n_rec)].
 * Memory: O(n_rec (n_in + n_rec)), independent of the sequence length.
 *
 * <p>Rows decay lazily: while psi_j = 0 a row of F only shrinks by kappa (and one of eps by rho), so
 * each row stores its value at its last change and the step of that change, and the decay over the
 * quiet steps is applied in one go (kappa^d) when the row next changes or is read. A quiet unit
 * costs O(1) per step instead of O(n_in + n_rec).
 */
final class EligibilityTraces {
    private final int n;
    private final int width;
    private final double kappa;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final int[] alphaClass;
    private final double[] classAlpha;
    private final int[] adaptiveSlot;
    /** P per alpha class, (classes, width). */
    private final double[] presynaptic;
    /** eps per adaptive unit, (adaptive units, width). */
    private final double[] adaptation;
    /** eps per adaptive unit at step adaptationStep[slot], (adaptive units, width). */
    private final int[] adaptationStep;
    /** F at step filteredStep[j], (n_rec, width). */
    private final double[] filtered;
    private final int[] filteredStep;

    EligibilityTraces(NeuronParams neurons, int width) {
        this.n = neurons.size();
        this.width = width;
        this.kappa = neurons.kappa();
        this.alpha = neurons.alpha();
        this.rho = neurons.rho();
        this.beta = neurons.beta();
        this.alphaClass = new int[n];
        double[] distinct = new double[n];
        int classes = 0;
        for (int j = 0; j < n; j++) {
            int c = 0;
            while (c < classes && distinct[c] != alpha[j]) {
                c++;
            }
            if (c == classes) {
                distinct[classes++] = alpha[j];
            }
            alphaClass[j] = c;
        }
        this.classAlpha = Arrays.copyOf(distinct, classes);
        this.adaptiveSlot = new int[n];
        int adaptive = 0;
        for (int j = 0; j < n; j++) {
            adaptiveSlot[j] = beta[j] != 0.0 ? adaptive++ : -1;
        }
        this.presynaptic = new double[classes * width];
        this.adaptation = new double[adaptive * width];
        this.adaptationStep = new int[adaptive];
        this.filtered = new double[n * width];
        this.filteredStep = new int[n];
    }

    /** Zero state, for a new trial. */
    void reset() {
        Arrays.fill(presynaptic, 0.0);
        Arrays.fill(adaptation, 0.0);
        Arrays.fill(filtered, 0.0);
        Arrays.fill(adaptationStep, 0);
        Arrays.fill(filteredStep, 0);
    }

    /**
     * Step t.
     *
     * @param pre     p_t, read
     * @param psi     psi_j,t (0 while refractory), read
     * @param psiPrev psi_j,t-1, read
     * @param sumOfE  when not null, receives += e_t (n_rec, width), for the rate regulariser
     */
    void advance(int t, double[] pre, double[] psi, double[] psiPrev, double[] sumOfE) {
        // eps_t uses P_{t-1}: update it before P. With psi_{t-1} = 0 it only decays (lazily).
        for (int j = 0; j < n; j++) {
            int slot = adaptiveSlot[j];
            if (slot < 0 || psiPrev[j] == 0.0) {
                continue;
            }
            // Bring eps to step t-1, then take the step to t.
            double decay = (rho[j] - beta[j] * psiPrev[j]) * Math.pow(rho[j], t - 1 - adaptationStep[slot]);
            double gain = psiPrev[j];
            int row = slot * width;
            int pRow = alphaClass[j] * width;
            for (int i = 0; i < width; i++) {
                adaptation[row + i] = decay * adaptation[row + i] + gain * presynaptic[pRow + i];
            }
            adaptationStep[slot] = t;
        }
        for (int c = 0; c < classAlpha.length; c++) {
            double a = classAlpha[c];
            int row = c * width;
            for (int i = 0; i < width; i++) {
                presynaptic[row + i] = a * presynaptic[row + i] + pre[i];
            }
        }
        for (int j = 0; j < n; j++) {
            double p = psi[j];
            if (p == 0.0) {
                continue; // e = 0: F only decays
            }
            int row = j * width;
            double fDecay = Math.pow(kappa, t - filteredStep[j]);
            filteredStep[j] = t;
            int pRow = alphaClass[j] * width;
            int slot = adaptiveSlot[j];
            if (slot < 0) {
                for (int i = 0; i < width; i++) {
                    double e = p * presynaptic[pRow + i];
                    filtered[row + i] = fDecay * filtered[row + i] + e;
                    if (sumOfE != null) {
                        sumOfE[row + i] += e;
                    }
                }
            } else {
                double b = beta[j] * Math.pow(rho[j], t - adaptationStep[slot]);
                int aRow = slot * width;
                for (int i = 0; i < width; i++) {
                    double e = p * (presynaptic[pRow + i] - b * adaptation[aRow + i]);
                    filtered[row + i] = fDecay * filtered[row + i] + e;
                    if (sumOfE != null) {
                        sumOfE[row + i] += e;
                    }
                }
            }
        }
    }

    /** grad_j += signal_j F_j,t for every unit j with a non-zero learning signal (after {@link #advance} at t). */
    void addWeighted(int t, double[] signal, double[] grad) {
        for (int j = 0; j < n; j++) {
            if (signal[j] == 0.0) {
                continue;
            }
            double weight = signal[j] * Math.pow(kappa, t - filteredStep[j]);
            int row = j * width;
            for (int i = 0; i < width; i++) {
                grad[row + i] += weight * filtered[row + i];
            }
        }
    }
}
