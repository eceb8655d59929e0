package org.sernn.neuron.adlif;

import java.util.Arrays;

/**
 * One time step of a population of adaptive LIF units (adLIF; Bittar and Garner, Front. Neurosci.
 * 16:865897, 2022, as in their code sparch). With I_t the input current, theta = 1 and H the step
 * function (strictly above threshold, as torch's {@code gt}):
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
 * units; nothing is allocated.
 */
public final class AdlifUnits {
    private static final double THETA = AdlifParameters.THRESHOLD;

    private final int n;
    private final double[] alpha;
    private final double[] oneMinusAlpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final boolean symplectic;

    public AdlifUnits(AdlifParameters params) {
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
    }

    public int size() {
        return n;
    }

    /** State of a batch of trials, all at zero. */
    public State newState(int trials) {
        return new State(trials, n);
    }

    /**
     * Advances one trial by a step.
     *
     * @param current I_t of the trial at [currentOffset, currentOffset + n), read only
     * @return the number of units that spiked; their indices are {@link State#spiked}
     */
    public int step(State state, int trial, double[] current, int currentOffset) {
        int offset = trial * n;
        double[] u = state.u;
        double[] w = state.w;
        double[] s = state.s;
        int[] spiked = state.spiked[trial];
        int count = 0;
        if (symplectic) {
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
        for (int j = 0; j < n; j++) {
            if (s[offset + j] != 0.0) {
                spiked[count++] = j;
            }
        }
        state.count[trial] = count;
        return count;
    }

    /** u, w and the spikes of a batch of trials, unit j of trial b at b n + j. */
    public static final class State {
        private final int n;
        private final double[] u;
        private final double[] w;
        private final double[] s;
        private final int[][] spiked;
        private final int[] count;

        private State(int trials, int n) {
            this.n = n;
            this.u = new double[trials * n];
            this.w = new double[trials * n];
            this.s = new double[trials * n];
            this.spiked = new int[trials][n];
            this.count = new int[trials];
        }

        /** Every trial back at zero. */
        public void reset() {
            Arrays.fill(u, 0.0);
            Arrays.fill(w, 0.0);
            Arrays.fill(s, 0.0);
            Arrays.fill(count, 0);
        }

        /** Membrane u of all trials, live (read only). */
        public double[] membrane() {
            return u;
        }

        /** Adaptation w of all trials, live (read only). */
        public double[] adaptation() {
            return w;
        }

        /** s of all trials (1 where the unit spiked at the last step, else 0), live (read only). */
        public double[] spikeFlags() {
            return s;
        }

        /** Units per trial. */
        public int units() {
            return n;
        }

        /** Units that spiked at the trial's last step, increasing, in [0, {@link #count}); live. */
        public int[] spiked(int trial) {
            return spiked[trial];
        }

        public int count(int trial) {
            return count[trial];
        }
    }
}
