package org.sernn.neuron.adlif;

import org.sernn.model.StatePrecision;
import org.sernn.neuron.SpikingDynamics;

/**
 * One time step of a population of adaptive LIF units (adLIF; Bittar and Garner, Front. Neurosci.
 * 16:865897, 2022, as in their code sparch; docs/neurons.md). With I_t the input current,
 * theta = 1 and H the step function (strictly above threshold, as torch's {@code gt}):
 * <pre>
 *   Bittar and Garner:  w_t = beta w_{t-1} + a u_{t-1} + b s_{t-1}
 *                       u_t = alpha (u_{t-1} - theta s_{t-1}) + (1 - alpha)(I_t - w_t)
 *                       s_t = H(u_t - theta)
 *   symplectic Euler:   u_t = alpha (u_{t-1} - theta s_{t-1}) + (1 - alpha)(I_t - w_{t-1})
 *   (Baronig et al.,    s_t = H(u_t - theta)
 *    Nat. Commun. 2025) w_t = beta w_{t-1} + a (u_t - theta s_t) + b s_t
 * </pre>
 * The reset subtracts theta at the step after the spike. Every state starts at zero (sparch draws
 * u, w and s from uniform noise), and the input is not normalised (sparch applies batch
 * normalisation to W x); there is no refractory period. Each step is one branch-free pass over the
 * units; nothing is allocated. With a state precision (hardware profiles), u is rounded as a
 * voltage and w as an adaptation variable after each update, before the threshold is applied.
 */
public final class AdlifDynamics implements SpikingDynamics<AdlifState> {
    static final double THETA = AdlifParameters.THRESHOLD;

    final int n;
    final double[] alpha;
    final double[] oneMinusAlpha;
    final double[] beta;
    final double[] a;
    final double[] b;
    final boolean symplectic;
    /** Null for exact state. */
    private final StatePrecision precision;

    public AdlifDynamics(AdlifParameters params) {
        this.n = params.size();
        this.alpha = params.alpha();
        this.beta = params.beta();
        this.a = params.a();
        this.b = params.b();
        this.oneMinusAlpha = new double[n];
        for (int j = 0; j < n; j++) {
            oneMinusAlpha[j] = 1.0 - alpha[j];
        }
        this.symplectic = params.discretisation() == AdlifDiscretisation.SYMPLECTIC_EULER;
        this.precision = params.precision();
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public AdlifState newState(int trials) {
        return new AdlifState(trials, n);
    }

    @Override
    public int step(AdlifState state, int trial, double[] current, int currentOffset) {
        int offset = trial * n;
        double[] u = state.u;
        double[] w = state.w;
        double[] s = state.s;
        System.arraycopy(current, currentOffset, state.current, offset, n);
        if (precision != null) {
            stepRounded(state, offset, current, currentOffset);
        } else if (symplectic) {
            for (int j = 0; j < n; j++) {
                int i = offset + j;
                double uNew = alpha[j] * (u[i] - THETA * s[i]) + oneMinusAlpha[j] * (current[currentOffset + j] - w[i]);
                double sNew = uNew > THETA ? 1.0 : 0.0;
                w[i] = beta[j] * w[i] + a[j] * (uNew - THETA * sNew) + b[j] * sNew;
                u[i] = uNew;
                s[i] = sNew;
            }
        } else {
            for (int j = 0; j < n; j++) {
                int i = offset + j;
                double wNew = beta[j] * w[i] + a[j] * u[i] + b[j] * s[i];
                double uNew = alpha[j] * (u[i] - THETA * s[i]) + oneMinusAlpha[j] * (current[currentOffset + j] - wNew);
                w[i] = wNew;
                u[i] = uNew;
                s[i] = uNew > THETA ? 1.0 : 0.0;
            }
        }
        int[] spiked = state.spiked[trial];
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (s[offset + j] != 0.0) {
                spiked[count++] = j;
            }
        }
        state.count[trial] = count;
        return count;
    }

    /** The same step with u rounded as a voltage and w as an adaptation after each update. */
    private void stepRounded(AdlifState state, int offset, double[] current, int currentOffset) {
        double[] u = state.u;
        double[] w = state.w;
        double[] s = state.s;
        for (int j = 0; j < n; j++) {
            int i = offset + j;
            double in = current[currentOffset + j];
            if (symplectic) {
                double uNew = precision.voltage(alpha[j] * (u[i] - THETA * s[i]) + oneMinusAlpha[j] * (in - w[i]));
                double sNew = uNew > THETA ? 1.0 : 0.0;
                w[i] = precision.adaptation(beta[j] * w[i] + a[j] * (uNew - THETA * sNew) + b[j] * sNew);
                u[i] = uNew;
                s[i] = sNew;
            } else {
                double wNew = precision.adaptation(beta[j] * w[i] + a[j] * u[i] + b[j] * s[i]);
                double uNew = precision.voltage(alpha[j] * (u[i] - THETA * s[i]) + oneMinusAlpha[j] * (in - wNew));
                w[i] = wNew;
                u[i] = uNew;
                s[i] = uNew > THETA ? 1.0 : 0.0;
            }
        }
    }

    /** The threshold is theta = 1 for every unit at every step. */
    @Override
    public void thresholds(AdlifState state, int trial, double[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + n, THETA);
    }
}
