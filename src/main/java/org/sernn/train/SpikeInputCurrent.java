package org.sernn.train;

/**
 * The input current of one trial step for the learning rules: I_t = b_rec + W_in x_t + W_rec z_{t-1}
 * with binary z, so the recurrent term is the sum of the columns of the units that spiked, added two
 * at a time (one pass over I for two columns), and only the non-zero inputs' columns are added.
 * Used by both {@link SpikingBptt} and {@link Eprop}, on the column layout of {@link BpttWeights}.
 */
final class SpikeInputCurrent {
    private SpikeInputCurrent() {
    }

    /**
     * current = b_rec + sum_k x_k W_in[:, k] + sum_s W_rec[:, spikeUnits[from + s]].
     *
     * @param x          the input values, channel k of this step at x[xOffset + k]
     * @param spikeUnits the units that spiked at t - 1 at [from, from + spikeCount)
     */
    static void assemble(BpttWeights w, double[] bRec, double[] x, int xOffset, int[] spikeUnits, int from,
            int spikeCount, double[] current) {
        System.arraycopy(bRec, 0, current, 0, current.length);
        double[][] inByChannel = w.inByChannel;
        for (int k = 0; k < inByChannel.length; k++) {
            if (x[xOffset + k] != 0.0) {
                VectorOps.addScaled(x[xOffset + k], inByChannel[k], current);
            }
        }
        int last = from + spikeCount;
        int s = from;
        for (; s + 1 < last; s += 2) {
            VectorOps.addTwo(w.recByPre[spikeUnits[s]], w.recByPre[spikeUnits[s + 1]], current);
        }
        if (s < last) {
            VectorOps.add(w.recByPre[spikeUnits[s]], current);
        }
    }
}
