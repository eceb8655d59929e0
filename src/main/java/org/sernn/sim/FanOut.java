package org.sernn.sim;

import java.util.Arrays;
import java.util.stream.IntStream;
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
    /** Entries from which a sparse matrix's lists are filled by several workers. */
    private static final int PARALLEL_ENTRIES = 1 << 16;

    private final int[] start;
    /** Targets when there are at most 65,536 posts, else null. */
    private final char[] narrowTarget;
    /** Targets when there are more, else null. */
    private final int[] wideTarget;
    private final double[] weight;
    /** Lists that reach every post, whose targets are therefore 0, 1, ..., posts - 1. */
    private final boolean[] full;

    /** Empty lists of the sizes given by {@code start}, to be filled by {@link #put} in list order. */
    private FanOut(int[] start, int posts) {
        int entries = start[start.length - 1];
        this.start = start;
        this.weight = new double[entries];
        this.narrowTarget = posts <= NARROW_POSTS ? new char[entries] : null;
        this.wideTarget = posts <= NARROW_POSTS ? null : new int[entries];
        this.full = new boolean[start.length - 1];
        for (int pre = 0; pre < full.length; pre++) {
            full[pre] = size(pre) == posts;
        }
    }

    private void put(int slot, int post, double value) {
        if (narrowTarget != null) {
            narrowTarget[slot] = (char) post;
        } else {
            wideTarget[slot] = post;
        }
        weight[slot] = value;
    }

    /** List starts from list sizes: start[pre] = sizes[0] + ... + sizes[pre - 1]. */
    private static int[] starts(int[] sizes) {
        int[] start = new int[sizes.length + 1];
        for (int pre = 0; pre < sizes.length; pre++) {
            start[pre + 1] = start[pre] + sizes[pre];
        }
        return start;
    }

    /**
     * The columns of a dense (post, pre) weight matrix as fan-out lists, in two row-major passes (count,
     * then fill), posts increasing within each list. For input and readout matrices; a large recurrent
     * matrix goes through its sparse form ({@link org.sernn.linalg.WeightMatrix#asSparse}), read once.
     */
    static FanOut ofColumns(DenseMatrix postByPre) {
        int posts = postByPre.rows();
        int pres = postByPre.cols();
        int[] start = starts(columnSizes(postByPre));
        int[] next = Arrays.copyOf(start, pres);
        FanOut lists = new FanOut(start, posts);
        for (int post = 0; post < posts; post++) {
            for (int pre = 0; pre < pres; pre++) {
                double value = postByPre.get(post, pre);
                if (value != 0.0) {
                    lists.put(next[pre]++, post, value);
                }
            }
        }
        return lists;
    }

    /**
     * The columns of a sparse (post, pre) weight matrix as fan-out lists: a counting sort of its
     * entries by column lays them out by pre, posts increasing within each list. Large matrices are
     * filled in parallel, each worker walking all entries and filling the lists of its own range of
     * pres, so every list is written by one thread in post order whatever the number of workers.
     */
    static FanOut ofColumns(SparseMatrix postByPre) {
        int pres = postByPre.cols();
        int entries = postByPre.nonZeros();
        int[] sizes = new int[pres];
        for (int k = 0; k < entries; k++) {
            sizes[postByPre.colAt(k)]++;
        }
        int[] start = starts(sizes);
        FanOut lists = new FanOut(start, postByPre.rows());
        int workers = entries < PARALLEL_ENTRIES ? 1 : Math.min(pres, Runtime.getRuntime().availableProcessors());
        IntStream.range(0, workers).parallel().forEach(w -> lists.fill(postByPre, (int) ((long) w * pres / workers),
                (int) ((long) (w + 1) * pres / workers)));
        return lists;
    }

    /** Puts the entries of columns [fromPre, toPre) into their lists, in row order. */
    private void fill(SparseMatrix postByPre, int fromPre, int toPre) {
        int[] next = Arrays.copyOf(start, start.length - 1);
        for (int post = 0; post < postByPre.rows(); post++) {
            for (int k = postByPre.rowStart(post); k < postByPre.rowStart(post + 1); k++) {
                int pre = postByPre.colAt(k);
                if (pre >= fromPre && pre < toPre) {
                    put(next[pre]++, post, postByPre.valueAt(k));
                }
            }
        }
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
