package org.sernn.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.task.TaskBatch;
import org.sernn.task.TrialSet;

/**
 * Fixed trials to measure accuracy on, encoded without noise. Trials held in memory are encoded
 * once, with {@code encoding}, and run as one batch; trials built on demand (spike recordings) are
 * run in chunks of {@code chunkTrials}, chunk k encoded with the k-th split of {@code encoding}, so
 * that no more than a chunk of dense input exists at a time. Either way the result depends only on
 * the trials, the network and the seed of {@code encoding}.
 */
public final class EvaluationSet {
    private final TrialSet trials;
    private final TaskInputs inputs;
    private final long encodingSeed;
    private final int chunkTrials;
    private final InputBatch encoded;

    public EvaluationSet(TrialSet trials, TaskInputs inputs, SplittableRandom encoding, int chunkTrials) {
        this.trials = trials;
        this.inputs = inputs;
        this.chunkTrials = chunkTrials;
        this.encoded = trials instanceof TaskBatch batch ? inputs.encodeWithoutNoise(batch, encoding) : null;
        this.encodingSeed = encoded == null ? encoding.nextLong() : 0L;
    }

    public double accuracy(Network network, double[] lossMask) {
        return accuracy(confusion(network, lossMask));
    }

    /** Fraction of trials on the diagonal of a confusion matrix. */
    public static double accuracy(long[][] confusion) {
        long correct = 0;
        long total = 0;
        for (int label = 0; label < confusion.length; label++) {
            correct += confusion[label][label];
            total += Arrays.stream(confusion[label]).sum();
        }
        return (double) correct / total;
    }

    /** counts[label][predicted class] over the trials. */
    public long[][] confusion(Network network, double[] lossMask) {
        long[][] counts = new long[network.nOut()][network.nOut()];
        if (encoded != null) {
            count(counts, network, encoded, trials.labels(), lossMask);
            return counts;
        }
        SplittableRandom chunks = new SplittableRandom(encodingSeed);
        for (int from = 0; from < trials.trials(); from += chunkTrials) {
            int offset = from;
            int[] indices = new int[Math.min(chunkTrials, trials.trials() - from)];
            Arrays.setAll(indices, i -> offset + i);
            TaskBatch chunk = trials.slice(indices);
            count(counts, network, inputs.encodeWithoutNoise(chunk, chunks.split()), chunk.labels(), lossMask);
        }
        return counts;
    }

    private static void count(long[][] counts, Network network, InputBatch input, int[] labels, double[] lossMask) {
        int[] predicted = Evaluation.predictions(new DenseSimulator().run(network, input, RecordOptions.SPIKES_ONLY),
                lossMask);
        for (int b = 0; b < labels.length; b++) {
            counts[labels[b]][predicted[b]]++;
        }
    }
}
