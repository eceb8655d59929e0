package org.sernn.sim;

import java.util.Arrays;
import org.sernn.linalg.DenseMatrix;
import org.sernn.linalg.SparseMatrix;

/**
 * The non-zero synapses leaving each presynaptic index, in compressed sparse form (CSR of the
 * transpose of a (post, pre) matrix): targets of pre i are target[start[i] .. start[i + 1]), in
 * increasing order, with their weights. Two layouts cut the memory traffic of the scatter, which
 * dominates the event engine: targets are 16-bit when there are at most 65,536 posts, and a list
 * that reaches every post (a fully connected input column) is added as a contiguous loop, without
 * targets. Either way each post receives the same product in the same order, so the sums are
 * unchanged bit for bit.
 */
final class FanOut {
    private static final int NARROW_POSTS = 1 << 16;

    private final int[] start;
    /** Targets when there are at most 65,536 posts, else null. */
    private final char[] narrowTarget;
    /** Targets when there are more, else null. */
    private final int[] wideTarget;
    private final double[] weight;
    /** Lists that reach every post, whose targets are therefore 0, 1, ..., posts - 1. */
    private final boolean[] full;

    private FanOut(int[] start, int[] target, double[] weight, int posts) {
        this.start = start;
        this.weight = weight;
        this.full = new boolean[start.length - 1];
        for (int pre = 0; pre < full.length; pre++) {
            full[pre] = size(pre) == posts;
        }
        if (posts <= NARROW_POSTS) {
            this.narrowTarget = new char[target.length];
            for (int k = 0; k < target.length; k++) {
                narrowTarget[k] = (char) target[k];
            }
            this.wideTarget = null;
        } else {
            this.narrowTarget = null;
            this.wideTarget = target;
        }
    }

    /** The columns of a dense (post, pre) weight matrix as fan-out lists (its non-zeros gathered first). */
    static FanOut ofColumns(DenseMatrix postByPre) {
        return ofColumns(SparseMatrix.of(postByPre));
    }

    /**
     * The columns of a sparse (post, pre) weight matrix as fan-out lists: a counting sort of its
     * entries by column lays them out by pre, posts increasing within each list.
     */
    static FanOut ofColumns(SparseMatrix postByPre) {
        int posts = postByPre.rows();
        int pres = postByPre.cols();
        int entries = postByPre.nonZeros();
        int[] start = new int[pres + 1];
        for (int k = 0; k < entries; k++) {
            start[postByPre.colAt(k) + 1]++;
        }
        for (int pre = 0; pre < pres; pre++) {
            start[pre + 1] += start[pre];
        }
        int[] next = Arrays.copyOf(start, pres);
        int[] target = new int[entries];
        double[] weight = new double[entries];
        for (int post = 0; post < posts; post++) {
            for (int k = postByPre.rowStart(post); k < postByPre.rowStart(post + 1); k++) {
                int slot = next[postByPre.colAt(k)]++;
                target[slot] = post;
                weight[slot] = postByPre.valueAt(k);
            }
        }
        return new FanOut(start, target, weight, posts);
    }

    /** Targets of pre's list, in list order (a copy, for inspection). */
    int[] targetsOf(int pre) {
        int[] targets = new int[size(pre)];
        for (int k = 0; k < targets.length; k++) {
            int index = start[pre] + k;
            targets[k] = narrowTarget != null ? narrowTarget[index] : wideTarget[index];
        }
        return targets;
    }

    /** Weights of pre's list, in list order (a copy, for inspection). */
    double[] weightsOf(int pre) {
        return Arrays.copyOfRange(weight, start[pre], start[pre + 1]);
    }

    /** The number of non-zero entries in each column of a (post, pre) matrix: each pre's fan-out, in one row-major pass. */
    static int[] columnSizes(DenseMatrix postByPre) {
        int[] sizes = new int[postByPre.cols()];
        for (int post = 0; post < postByPre.rows(); post++) {
            for (int pre = 0; pre < postByPre.cols(); pre++) {
                if (postByPre.get(post, pre) != 0.0) {
                    sizes[pre]++;
                }
            }
        }
        return sizes;
    }

    int size(int pre) {
        return start[pre + 1] - start[pre];
    }

    /** out[target] += scale * weight for every synapse leaving pre. */
    void scatterAdd(int pre, double scale, double[] out) {
        int from = start[pre];
        int to = start[pre + 1];
        if (full[pre]) {
            for (int k = from; k < to; k++) {
                out[k - from] += scale * weight[k];
            }
        } else if (narrowTarget != null) {
            for (int k = from; k < to; k++) {
                out[narrowTarget[k]] += scale * weight[k];
            }
        } else {
            for (int k = from; k < to; k++) {
                out[wideTarget[k]] += scale * weight[k];
            }
        }
    }

    /** out[target] += weight for every synapse leaving pre (a unit spike). */
    void scatterAdd(int pre, double[] out) {
        int from = start[pre];
        int to = start[pre + 1];
        if (full[pre]) {
            for (int k = from; k < to; k++) {
                out[k - from] += weight[k];
            }
        } else if (narrowTarget != null) {
            for (int k = from; k < to; k++) {
                out[narrowTarget[k]] += weight[k];
            }
        } else {
            for (int k = from; k < to; k++) {
                out[wideTarget[k]] += weight[k];
            }
        }
    }
}
