package org.sernn.neuron.alif;

/** Backward state of a batch of ALIF trials: dL/dv (= dL/dI) of the last backward step and dL/da, one row per trial. */
public final class AlifAdjoint {
    /** dL/dv of the trial's last backward step. */
    final double[][] latest;
    /** The row the next backward step writes, swapped with {@link #latest} afterwards. */
    final double[][] spare;
    final double[][] ga;

    AlifAdjoint(int trials, int n) {
        latest = new double[trials][n];
        spare = new double[trials][n];
        ga = new double[trials][n];
    }
}
