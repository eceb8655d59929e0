package org.sernn.task;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.sernn.model.ModelConfig;
import org.sernn.model.TaskNames;

/**
 * Spoken-digit (SHD, 20 classes) or speech-command (SSC, 35 classes) classification from the
 * spike recordings of Cramer et al. (2020), {@link SpikeRecordings}: 700 input channels, one task
 * step per bin of dt_ms (4 ms in Yin et al. 2021), the first {@code max_duration_ms} of each
 * recording. The class count is one more than the largest label in the files. Training and
 * validation examples are disjoint subsets of {@code path} drawn with the seed; test examples are
 * the leading examples of {@code test_path}, or, without one, a third disjoint subset of
 * {@code path}.
 *
 * <p>Factors per trial: {@code example}, the index of the recording in its file.
 */
public final class ShdTask implements RecordedTask {
    public static final String NAME = TaskNames.SHD;
    public static final double DEFAULT_MAX_DURATION_MS = 1000.0;
    private static final String[] FACTOR_NAMES = {"example"};

    private final SpikeRecordings train;
    private final SpikeRecordings test;
    private final int bins;
    private final int classes;

    public ShdTask(ModelConfig.TaskSpec spec, double dtMs) {
        double maxDurationMs = spec.maxDurationMs() == null ? DEFAULT_MAX_DURATION_MS : spec.maxDurationMs();
        this.bins = Math.max(1, (int) Math.ceil(maxDurationMs / dtMs - 1e-9));
        this.train = SpikeRecordings.read(Path.of(spec.path()), dtMs, bins);
        this.test = spec.testPath() == null ? null : SpikeRecordings.read(Path.of(spec.testPath()), dtMs, bins);
        this.classes = 1 + Math.max(train.maxLabel(), test == null ? -1 : test.maxLabel());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int inputChannels() {
        return SpikeRecordings.CHANNELS;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int taskSteps() {
        return bins;
    }

    /** Trials from the test file, or from the training file when there is none. */
    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        SpikeRecordings source = test != null ? test : train;
        return batch(source, RecordedSplits.sample(source.count(), trials, random, source.source()));
    }

    @Override
    public TaskDatasets datasets(int trainCount, int validationCount, int testCount, long seed) {
        TrialSplits splits = splits(trainCount, validationCount, testCount, seed);
        return new TaskDatasets(all(splits.train()), all(splits.validation()), all(splits.test()));
    }

    private static TaskBatch all(TrialSet trials) {
        int[] indices = new int[trials.trials()];
        java.util.Arrays.setAll(indices, i -> i);
        return trials.slice(indices);
    }

    /** The splits of {@link #datasets}, kept as spike events until a minibatch is sliced from them. */
    public TrialSplits splits(int trainCount, int validationCount, int testCount, long seed) {
        if (test != null) {
            int[][] split = RecordedSplits.disjoint(train.count(), seed, train.source(), trainCount, validationCount);
            return new TrialSplits(new Recorded(train, split[0]), new Recorded(train, split[1]),
                    new Recorded(test, RecordedSplits.leading(test.count(), testCount, test.source(),
                            "task.test_trials")));
        }
        int[][] split = RecordedSplits.disjoint(train.count(), seed, train.source(), trainCount, validationCount,
                testCount);
        return new TrialSplits(new Recorded(train, split[0]), new Recorded(train, split[1]),
                new Recorded(train, split[2]));
    }

    /** Some recordings of a file, binned into dense values only when a slice is asked for. */
    private final class Recorded implements TrialSet {
        private final SpikeRecordings recordings;
        private final int[] examples;

        Recorded(SpikeRecordings recordings, int[] examples) {
            this.recordings = recordings;
            this.examples = examples;
        }

        @Override
        public int trials() {
            return examples.length;
        }

        @Override
        public int[] labels() {
            int[] labels = new int[examples.length];
            for (int i = 0; i < examples.length; i++) {
                labels[i] = recordings.labels()[examples[i]];
            }
            return labels;
        }

        @Override
        public TaskBatch slice(int[] indices) {
            int[] chosen = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= examples.length) {
                    throw new IllegalArgumentException("trial index " + indices[i] + " is outside 0.."
                            + (examples.length - 1));
                }
                chosen[i] = examples[indices[i]];
            }
            return batch(recordings, chosen);
        }
    }

    private TaskBatch batch(SpikeRecordings recordings, int[] examples) {
        int stride = bins * SpikeRecordings.CHANNELS;
        double[] values = new double[BatchSize.values(NAME, examples.length, bins, SpikeRecordings.CHANNELS)];
        int[] labels = new int[examples.length];
        int[][] factors = new int[examples.length][];
        for (int trial = 0; trial < examples.length; trial++) {
            int example = examples[trial];
            for (int code : recordings.events()[example]) {
                values[trial * stride + code] = 1.0;
            }
            labels[trial] = recordings.labels()[example];
            factors[trial] = new int[] {example};
        }
        return new TaskBatch(examples.length, bins, SpikeRecordings.CHANNELS, values, labels, factors,
                FACTOR_NAMES.clone());
    }
}
