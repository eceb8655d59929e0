package org.sernn.sim;

import java.util.Arrays;
import org.sernn.model.NeuronParams;

/**
 * One time step of discrete adaptive LIF units (Bellec et al., Nat. Commun. 11:3625, 2020;
 * docs/neurons.md), shared by both engines and both learning rules:
 * <pre>
 *   s_t = alpha_syn s_{t-1} + I_t                  (only with synapses; else s_t = I_t)
 *   v_t = alpha v_{t-1} + s_t - v_th z_{t-1}      (reset by subtracting the base threshold)
 *   a_t = rho a_{t-1} + z_{t-1}
 *   A_t = v_th + beta a_t                          (beta = 0: LIF)
 *   z_t = H(v_t - A_t), strictly above, and 0 for the n_ref steps after a spike
 * </pre>
 * The membrane keeps integrating while refractory; only spiking is blocked. With a
 * {@link StatePrecision}, v_t and a_t are rounded after each update.
 *
 * <p>Computed in passes that cost O(n) only where they must: decay and integrate every unit
 * (branch-free, so it vectorises), then the z_{t-1} terms for the previous step's spikers alone
 * ((alpha v + s) - v_th equals alpha v + s - v_th * 1 in IEEE order, so the result is the same bit
 * for bit), then a threshold scan; refractoriness is a "blocked until step" per unit instead of a
 * counter decremented everywhere. Whether there are synapses or rounding is decided once per step.
 */
public final class SpikingUnits {
    private final int n;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final double[] vTh;
    private final int[] nRef;
    /** Null when no unit has a synapse. */
    private final double[] alphaSyn;
    /** Null for exact state. */
    private final StatePrecision precision;
    /**
     * Whether every unit has the same alpha and rho, and the same v_th, beta and n_ref: then the
     * decay pass and the threshold scan read scalars instead of two per-unit arrays each, which
     * made them 1.4-2.5x faster at n = 10,000 (memory traffic; see benchmarks/README.md).
     */
    private final boolean uniformDecay;
    private final boolean uniformThreshold;

    public SpikingUnits(NeuronParams params) {
        this.n = params.size();
        this.alpha = params.alpha();
        this.rho = params.rho();
        this.beta = params.beta();
        this.vTh = params.vTh();
        this.nRef = params.nRef();
        this.alphaSyn = params.hasSynapses() ? params.alphaSyn() : null;
        this.precision = params.statePrecision().orElse(null);
        this.uniformDecay = uniform(alpha) && uniform(rho);
        this.uniformThreshold = uniform(vTh) && uniform(beta) && Arrays.stream(nRef).allMatch(r -> r == nRef[0]);
    }

    private static boolean uniform(double[] values) {
        return Arrays.stream(values).allMatch(x -> x == values[0]);
    }

    /** State of a batch of trials, all at rest. */
    public State newState(int trials) {
        return new State(trials, n, alphaSyn != null);
    }

    /**
     * Advances one trial by a step.
     *
     * @param current I_t of the trial at [currentOffset, currentOffset + n), read only
     * @return the number of units that spiked; their indices are {@link State#spiked}
     */
    public int step(State state, int trial, double[] current, int currentOffset) {
        int offset = trial * n;
        double[] v = state.v;
        double[] a = state.a;
        double[] syn = state.syn;
        if (syn != null) {
            for (int j = 0; j < n; j++) {
                double s = alphaSyn[j] * syn[offset + j] + current[currentOffset + j];
                syn[offset + j] = s;
                v[offset + j] = alpha[j] * v[offset + j] + s;
                a[offset + j] = rho[j] * a[offset + j];
            }
        } else if (uniformDecay) {
            double alpha0 = alpha[0];
            double rho0 = rho[0];
            for (int j = 0; j < n; j++) {
                v[offset + j] = alpha0 * v[offset + j] + current[currentOffset + j];
                a[offset + j] = rho0 * a[offset + j];
            }
        } else {
            for (int j = 0; j < n; j++) {
                v[offset + j] = alpha[j] * v[offset + j] + current[currentOffset + j];
                a[offset + j] = rho[j] * a[offset + j];
            }
        }
        int[] previous = state.spiked[trial];
        int previousCount = state.count[trial];
        for (int s = 0; s < previousCount; s++) {
            int j = previous[s];
            v[offset + j] -= vTh[j];
            a[offset + j] += 1.0;
        }
        if (precision != null) {
            for (int j = offset; j < offset + n; j++) {
                v[j] = precision.voltage(v[j]);
                a[j] = precision.adaptation(a[j]);
            }
        }
        int t = state.step[trial]++;
        int[] blockedUntil = state.blockedUntil;
        int[] spiked = state.next[trial];
        int count = 0;
        if (uniformThreshold) {
            double vTh0 = vTh[0];
            double beta0 = beta[0];
            int nRef0 = nRef[0];
            for (int j = 0; j < n; j++) {
                if (v[offset + j] > vTh0 + beta0 * a[offset + j] && t > blockedUntil[offset + j]) {
                    blockedUntil[offset + j] = t + nRef0;
                    spiked[count++] = j;
                }
            }
        } else {
            for (int j = 0; j < n; j++) {
                if (v[offset + j] > vTh[j] + beta[j] * a[offset + j] && t > blockedUntil[offset + j]) {
                    blockedUntil[offset + j] = t + nRef[j];
                    spiked[count++] = j;
                }
            }
        }
        state.next[trial] = previous;
        state.spiked[trial] = spiked;
        state.count[trial] = count;
        return count;
    }

    /** Writes A_t = v_th + beta a_t of one trial (after its step) to out[outOffset ..]. */
    public void thresholds(State state, int trial, double[] out, int outOffset) {
        int offset = trial * n;
        for (int j = 0; j < n; j++) {
            out[outOffset + j] = vTh[j] + beta[j] * state.a[offset + j];
        }
    }

    /** Membrane, adaptation and refractoriness of a batch of trials, unit j of trial b at b n + j. */
    public static final class State {
        private final int n;
        private final double[] v;
        private final double[] a;
        private final double[] syn;
        private final int[] blockedUntil;
        private final int[] step;
        private final int[][] spiked;
        private final int[][] next;
        private final int[] count;

        private State(int trials, int n, boolean synapses) {
            this.n = n;
            this.v = new double[trials * n];
            this.a = new double[trials * n];
            this.syn = synapses ? new double[trials * n] : null;
            this.blockedUntil = new int[trials * n];
            this.step = new int[trials];
            this.spiked = new int[trials][n];
            this.next = new int[trials][n];
            this.count = new int[trials];
            reset();
        }

        /** Every trial back at rest, at step 0. */
        public void reset() {
            Arrays.fill(v, 0.0);
            Arrays.fill(a, 0.0);
            if (syn != null) {
                Arrays.fill(syn, 0.0);
            }
            Arrays.fill(blockedUntil, Integer.MIN_VALUE);
            Arrays.fill(step, 0);
            Arrays.fill(count, 0);
        }

        /** v of all trials, live (read only). */
        public double[] voltage() {
            return v;
        }

        /** Units that spiked at the trial's last step, increasing, in [0, {@link #count}); live. */
        public int[] spiked(int trial) {
            return spiked[trial];
        }

        public int count(int trial) {
            return count[trial];
        }

        /** Whether the unit may not spike at the trial's next step (refractory). */
        public boolean blocked(int trial, int unit) {
            return blockedUntil[trial * n + unit] >= step[trial];
        }
    }
}
