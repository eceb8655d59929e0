package org.sernn.sim;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;

/**
 * The non-zero synapses leaving each presynaptic index, in compressed sparse form (CSR of the
 * transpose of a (post, pre) matrix): targets of pre i are target[start[i] .. start[i + 1]), in
 * increasing order, with their weights.
 */
final class FanOut {
    final int[] start;
    final int[] target;
    final double[] weight;

    private FanOut(int[] start, int[] target, double[] weight) {
        this.start = start;
        this.target = target;
        this.weight = weight;
    }

    /** The columns of a (post, pre) weight matrix as fan-out lists, in two row-major passes without copying it. */
    static FanOut ofColumns(DenseMatrix postByPre) {
        int posts = postByPre.rows();
        int pres = postByPre.cols();
        int[] start = new int[pres + 1];
        for (int post = 0; post < posts; post++) {
            for (int pre = 0; pre < pres; pre++) {
                if (postByPre.get(post, pre) != 0.0) {
                    start[pre + 1]++;
                }
            }
        }
        for (int pre = 0; pre < pres; pre++) {
            start[pre + 1] += start[pre];
        }
        int[] next = Arrays.copyOf(start, pres);
        int[] target = new int[start[pres]];
        double[] weight = new double[start[pres]];
        for (int post = 0; post < posts; post++) {
            for (int pre = 0; pre < pres; pre++) {
                double value = postByPre.get(post, pre);
                if (value != 0.0) {
                    int k = next[pre]++;
                    target[k] = post;
                    weight[k] = value;
                }
            }
        }
        return new FanOut(start, target, weight);
    }

    int size(int pre) {
        return start[pre + 1] - start[pre];
    }

    /** out[target] += scale * weight for every synapse leaving pre. */
    void scatterAdd(int pre, double scale, double[] out) {
        for (int k = start[pre]; k < start[pre + 1]; k++) {
            out[target[k]] += scale * weight[k];
        }
    }

    /** out[target] += weight for every synapse leaving pre (a unit spike). */
    void scatterAdd(int pre, double[] out) {
        for (int k = start[pre]; k < start[pre + 1]; k++) {
            out[target[k]] += weight[k];
        }
    }
}
