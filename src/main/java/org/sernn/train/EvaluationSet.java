package org.sernn.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.task.TaskBatch;
import org.sernn.task.TrialSet;

/**
 * Fixed trials to measure accuracy on, encoded without noise. Trials held in memory are encoded
 * once, with {@code encoding}, and run as one batch; trials built on demand (spike recordings) are
 * run in chunks of {@code chunkTrials}, chunk k encoded with the k-th split of {@code encoding}, so
 * that no more than a chunk of dense input exists at a time. Either way the result depends only on
 * the trials, the network and the seed of {@code encoding}.
 */
final class EvaluationSet {
    private final TrialSet trials;
    private final TaskInputs inputs;
    private final long encodingSeed;
    private final int chunkTrials;
    private final InputBatch encoded;

    EvaluationSet(TrialSet trials, TaskInputs inputs, SplittableRandom encoding, int chunkTrials) {
        this.trials = trials;
        this.inputs = inputs;
        this.chunkTrials = chunkTrials;
        this.encoded = trials instanceof TaskBatch batch ? inputs.encodeWithoutNoise(batch, encoding) : null;
        this.encodingSeed = encoded == null ? encoding.nextLong() : 0L;
    }

    double accuracy(Network network, double[] lossMask) {
        int[] labels = trials.labels();
        if (encoded != null) {
            return Evaluation.accuracy(network, encoded, labels, lossMask);
        }
        SplittableRandom chunks = new SplittableRandom(encodingSeed);
        double correct = 0;
        for (int from = 0; from < labels.length; from += chunkTrials) {
            int[] indices = new int[Math.min(chunkTrials, labels.length - from)];
            int offset = from;
            Arrays.setAll(indices, i -> offset + i);
            TaskBatch chunk = trials.slice(indices);
            InputBatch input = inputs.encodeWithoutNoise(chunk, chunks.split());
            correct += Math.round(Evaluation.accuracy(network, input, chunk.labels(), lossMask) * indices.length);
        }
        return correct / labels.length;
    }
}
