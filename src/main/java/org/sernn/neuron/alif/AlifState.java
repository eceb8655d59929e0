package org.sernn.neuron.alif;

import java.util.Arrays;
import org.sernn.neuron.SpikingState;

/** Membrane, adaptation, synaptic current and refractoriness of a batch of ALIF trials, unit j of trial b at b n + j. */
public final class AlifState implements SpikingState {
    final int n;
    final double[] v;
    final double[] a;
    /** Null when no unit has a synapse. */
    final double[] syn;
    /** The last step at which each unit may not spike (refractory); a spike at t sets t + n_ref. */
    final int[] blockedUntil;
    /** Steps taken by each trial. */
    final int[] step;
    int[][] spiked;
    int[][] next;
    final int[] count;

    AlifState(int trials, int n, boolean synapses) {
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

    @Override
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

    @Override
    public double[] voltage() {
        return v;
    }

    @Override
    public int[] spiked(int trial) {
        return spiked[trial];
    }

    @Override
    public int count(int trial) {
        return count[trial];
    }

    /** Whether the unit may not spike at the trial's next step (refractory). */
    public boolean blocked(int trial, int unit) {
        return blockedUntil[trial * n + unit] >= step[trial];
    }
}
