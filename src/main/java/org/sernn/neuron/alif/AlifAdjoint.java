package org.sernn.neuron.alif;

/**
 * Backward state of a batch of ALIF trials: dL/dv (= dL/dI) of the last backward step and dL/da, one
 * row per trial; with learnt time constants also v_t and a_t of every trial and step (time-major,
 * row t B + b) and the per-trial sums of their gradients.
 */
public final class AlifAdjoint {
    final int trials;
    /** dL/dv of the trial's last backward step. */
    final double[][] latest;
    /** The row the next backward step writes, swapped with {@link #latest} afterwards. */
    final double[][] spare;
    final double[][] ga;
    /** v_t and a_t of every trial and step; empty unless time constants are learnt. */
    final double[] v;
    final double[] a;
    /** Per trial, sum over t of gv_t v_{t-1} (dL/dalpha) and ga_t a_{t-1} (dL/drho), learnt constant k of unit j at k n + j. */
    final double[][] decaySums;

    AlifAdjoint(int trials, int steps, int n, int learnt) {
        this.trials = trials;
        latest = new double[trials][n];
        spare = new double[trials][n];
        ga = new double[trials][n];
        int size = learnt > 0 ? steps * trials * n : 0;
        v = new double[size];
        a = new double[size];
        decaySums = new double[trials][learnt * n];
    }
}
