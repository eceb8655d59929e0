package org.sernn.neuron.adlif;

import java.util.Arrays;
import org.sernn.neuron.EligibilityTraces;

/**
 * e-prop eligibility traces of adLIF units (Bellec et al., Nat. Commun. 11:3625, 2020, applied to
 * the two-variable adLIF state of Bittar and Garner 2022; docs/learning.md). For a weight W_ji from
 * presynaptic value p_i,t into unit j (x_t for input weights, 1 for the bias, s_{t-1} for recurrent
 * weights), with the reset and the recurrent spikes left out of the derivative (what makes e-prop
 * local) and the spike-triggered adaptation b kept:
 * <pre>
 *   Bittar and Garner:  Ew_t = beta Ew_{t-1} + (a + b psi_{t-1}) Eu_{t-1}     (= dw_j,t / dW_ji)
 *                       Eu_t = alpha Eu_{t-1} + (1 - alpha)(p_i,t - Ew_t)     (= du_j,t / dW_ji)
 *   symplectic Euler:   Eu_t = alpha Eu_{t-1} + (1 - alpha)(p_i,t - Ew_{t-1})
 *                       Ew_t = beta Ew_{t-1} + (a + b psi_t) Eu_t
 *   both:               e_t = psi_t Eu_t,  F_t = kappa F_{t-1} + e_t
 * </pre>
 * The state has two variables, so each synapse carries two traces (as ALIF's v and a); unlike
 * ALIF's, they keep changing while psi = 0 (u feeds w through a), so every row is updated every step:
 * O(n_rec (n_in + n_rec)) per step and memory independent of the sequence length.
 */
final class AdlifEligibilityTraces implements EligibilityTraces {
    private final int n;
    private final int width;
    private final double[] alpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final boolean symplectic;
    private final double kappa;
    private final double[] eu;
    private final double[] ew;
    private final double[] filtered;

    AdlifEligibilityTraces(double[] alpha, double[] beta, double[] a, double[] b, boolean symplectic, double kappa,
            int width) {
        this.n = alpha.length;
        this.width = width;
        this.alpha = alpha;
        this.beta = beta;
        this.a = a;
        this.b = b;
        this.symplectic = symplectic;
        this.kappa = kappa;
        this.eu = new double[n * width];
        this.ew = new double[n * width];
        this.filtered = new double[n * width];
    }

    @Override
    public void reset() {
        Arrays.fill(eu, 0.0);
        Arrays.fill(ew, 0.0);
        Arrays.fill(filtered, 0.0);
    }

    @Override
    public void advance(int t, double[] pre, double[] psi, double[] psiPrev, double[] sumOfE) {
        for (int j = 0; j < n; j++) {
            int row = j * width;
            double al = alpha[j];
            double leak = 1.0 - al;
            double be = beta[j];
            double p = psi[j];
            if (symplectic) {
                double coupling = a[j] + b[j] * p;
                for (int i = 0; i < width; i++) {
                    double u = al * eu[row + i] + leak * (pre[i] - ew[row + i]);
                    eu[row + i] = u;
                    ew[row + i] = be * ew[row + i] + coupling * u;
                }
            } else {
                double coupling = a[j] + b[j] * psiPrev[j];
                for (int i = 0; i < width; i++) {
                    double w = be * ew[row + i] + coupling * eu[row + i];
                    ew[row + i] = w;
                    eu[row + i] = al * eu[row + i] + leak * (pre[i] - w);
                }
            }
            for (int i = 0; i < width; i++) {
                double e = p * eu[row + i];
                filtered[row + i] = kappa * filtered[row + i] + e;
                if (sumOfE != null) {
                    sumOfE[row + i] += e;
                }
            }
        }
    }

    @Override
    public void addWeighted(int t, double[] signal, double[] grad) {
        for (int j = 0; j < n; j++) {
            if (signal[j] == 0.0) {
                continue;
            }
            int row = j * width;
            for (int i = 0; i < width; i++) {
                grad[row + i] += signal[j] * filtered[row + i];
            }
        }
    }
}
