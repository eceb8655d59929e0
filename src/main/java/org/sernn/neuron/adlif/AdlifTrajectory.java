package org.sernn.neuron.adlif;

/**
 * What the backward pass keeps of a forward pass: u_t, w_t, s_t (0 or 1) and the input current
 * I_t of every unit, trial and step, in one layout chosen by the caller.
 */
public record AdlifTrajectory(double[] membrane, double[] adaptation, double[] spikes, double[] current) {

    /** Room for {@code rows} trial steps of n units each. */
    public static AdlifTrajectory of(int rows, int n) {
        return new AdlifTrajectory(new double[rows * n], new double[rows * n], new double[rows * n],
                new double[rows * n]);
    }

    /** Stores one trial's step, as {@link AdlifUnits#step} left it, at offset. */
    public void record(AdlifUnits.State state, int trial, double[] currentNow, int currentOffset, int offset) {
        int n = state.units();
        System.arraycopy(state.membrane(), trial * n, membrane, offset, n);
        System.arraycopy(state.adaptation(), trial * n, adaptation, offset, n);
        System.arraycopy(state.spikeFlags(), trial * n, spikes, offset, n);
        System.arraycopy(currentNow, currentOffset, current, offset, n);
    }
}
