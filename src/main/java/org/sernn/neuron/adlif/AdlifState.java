package org.sernn.neuron.adlif;

import java.util.Arrays;
import org.sernn.neuron.SpikingState;

/**
 * u, w and the spikes of a batch of adLIF trials, unit j of trial b at b n + j, and the input
 * current of each trial's last step (which the gradient of alpha needs).
 */
public final class AdlifState implements SpikingState {
    final int n;
    final double[] u;
    final double[] w;
    /** s_t: 1 where the unit spiked at the trial's last step, else 0. */
    final double[] s;
    final double[] current;
    final int[][] spiked;
    final int[] count;

    AdlifState(int trials, int n) {
        this.n = n;
        this.u = new double[trials * n];
        this.w = new double[trials * n];
        this.s = new double[trials * n];
        this.current = new double[trials * n];
        this.spiked = new int[trials][n];
        this.count = new int[trials];
    }

    @Override
    public void reset() {
        Arrays.fill(u, 0.0);
        Arrays.fill(w, 0.0);
        Arrays.fill(s, 0.0);
        Arrays.fill(current, 0.0);
        Arrays.fill(count, 0);
    }

    @Override
    public int[] spiked(int trial) {
        return spiked[trial];
    }

    @Override
    public int count(int trial) {
        return count[trial];
    }

    /** The membrane u. */
    @Override
    public double[] voltage() {
        return u;
    }

    /** The adaptation w of all trials, live (read only). */
    public double[] adaptation() {
        return w;
    }

    /** s of all trials (1 where the unit spiked at the last step, else 0), live (read only). */
    public double[] spikeFlags() {
        return s;
    }
}
