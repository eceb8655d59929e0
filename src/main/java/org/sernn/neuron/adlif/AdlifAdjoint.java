package org.sernn.neuron.adlif;

/**
 * Backward state of a batch of adLIF trials, one row per trial, and what the backward pass keeps of
 * the forward one: u_t, w_t, s_t and I_t of every trial and step, time-major (row t B + b).
 */
public final class AdlifAdjoint {
    final int trials;
    /** dL/du of the trial's last backward step. */
    final double[][] gu;
    /** dL/dw of the trial's last backward step. */
    final double[][] gw;
    /** dL/dI = (1 - alpha) dL/du of the trial's last backward step. */
    final double[][] gCurrent;
    /** psi_t dL/ds_t of the step being taken, zero except at the units near threshold. */
    final double[][] psiGz;
    /** Per trial, dL/dalpha, dL/dbeta, dL/da and dL/db of unit j at k n + j (k in that order). */
    final double[][] parameterSums;
    final double[] u;
    final double[] w;
    final double[] s;
    final double[] current;

    AdlifAdjoint(int trials, int steps, int n) {
        this.trials = trials;
        gu = new double[trials][n];
        gw = new double[trials][n];
        gCurrent = new double[trials][n];
        psiGz = new double[trials][n];
        parameterSums = new double[trials][4 * n];
        int size = steps * trials * n;
        u = new double[size];
        w = new double[size];
        s = new double[size];
        current = new double[size];
    }
}
