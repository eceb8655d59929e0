package org.sernn.task;

import java.util.SplittableRandom;

/**
 * Fixed training, validation and test sets of a task, as the original trains on fixed data sets of
 * 5,120 / 2,560 / 2,560 maze problems (Achterberg, Akarca et al. 2023, {@code seRNN_demo.ipynb}).
 * Each split is drawn from its own stream, split off {@code new SplittableRandom(seed)} in the
 * order train, validation, test, so a split depends only on the seed and its own size.
 */
public record TaskDatasets(TaskBatch train, TaskBatch validation, TaskBatch test) {
    /** The original's split sizes for the maze. */
    public static final int ORIGINAL_TRAIN_TRIALS = 5_120;
    public static final int ORIGINAL_VALIDATION_TRIALS = 2_560;
    public static final int ORIGINAL_TEST_TRIALS = 2_560;

    /**
     * The splits of the task a spec names: a {@link RecordedTask}'s own, otherwise {@link #draw}n;
     * deterministic in {@code seed}.
     */
    public static TaskDatasets of(Task task, org.sernn.model.ModelConfig.TaskSpec spec, long seed) {
        if (task instanceof RecordedTask recorded) {
            return recorded.datasets(spec.trainTrials(), spec.validationTrials(), spec.testTrials(), seed);
        }
        return draw(task, spec.trainTrials(), spec.validationTrials(), spec.testTrials(), seed);
    }

    /** The three splits, deterministic in {@code seed}. Every size must be at least 1. */
    public static TaskDatasets draw(Task task, int train, int validation, int test, long seed) {
        if (train < 1 || validation < 1 || test < 1) {
            throw new IllegalArgumentException("every split needs at least one trial; got train " + train
                    + ", validation " + validation + ", test " + test);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom trainRandom = root.split();
        SplittableRandom validationRandom = root.split();
        SplittableRandom testRandom = root.split();
        return new TaskDatasets(task.sample(train, trainRandom), task.sample(validation, validationRandom),
                task.sample(test, testRandom));
    }

    /**
     * The trials at {@code trialIndices}, in that order (repeats allowed), as a new batch sharing
     * no arrays with {@code batch}: a minibatch from a shuffled index order.
     */
    public static TaskBatch slice(TaskBatch batch, int[] trialIndices) {
        if (trialIndices.length == 0) {
            throw new IllegalArgumentException("a slice needs at least one trial index");
        }
        int stride = batch.taskSteps() * batch.channels();
        double[] values = new double[trialIndices.length * stride];
        int[] labels = new int[trialIndices.length];
        int[][] factors = new int[trialIndices.length][];
        for (int i = 0; i < trialIndices.length; i++) {
            int trial = trialIndices[i];
            if (trial < 0 || trial >= batch.trials()) {
                throw new IllegalArgumentException("trial index " + trial + " at position " + i
                        + " is outside 0.." + (batch.trials() - 1));
            }
            System.arraycopy(batch.values(), trial * stride, values, i * stride, stride);
            labels[i] = batch.labels()[trial];
            factors[i] = batch.factors()[trial].clone();
        }
        return new TaskBatch(trialIndices.length, batch.taskSteps(), batch.channels(), values, labels, factors,
                batch.factorNames().clone());
    }
}
