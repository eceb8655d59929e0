package org.sernn.task;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.sernn.UserError;
import org.sernn.model.ModelConfig;
import org.sernn.model.SequenceEncoding;
import org.sernn.model.SequenceOrder;
import org.sernn.model.TaskNames;
import org.sernn.util.Permutations;

/**
 * Sequential image classification (sequential MNIST, Le et al. 2015; row-wise and pixel-wise
 * Fashion-MNIST): an image is shown one row (or one pixel) per task step and the network names its
 * class after the last one. The images come from an MNIST-format folder ({@link ImageFolder}),
 * Debian's Fashion-MNIST by default. Training and validation examples are disjoint subsets of the
 * {@code train} files, drawn with the seed; test examples are the leading {@code t10k} examples.
 *
 * <p>Factors per trial: {@code example}, the index of the image in its file.
 */
public final class SequentialImageTask implements RecordedTask {
    public static final String NAME = TaskNames.SEQUENTIAL_IMAGE;
    /** Where Debian's {@code dataset-fashion-mnist} puts the files. */
    public static final String DEFAULT_PATH = "/usr/share/datasets/fashion-mnist";
    public static final double DEFAULT_DELTA_THRESHOLD = 0.1;
    /** Seed of the one pixel permutation of {@code permuted_pixels}, fixed so that every run sees the same task. */
    static final long PERMUTATION_SEED = 0x5E5E_0001L;
    private static final String[] FACTOR_NAMES = {"example"};

    private final Path folder;
    private final SequenceOrder order;
    private final SequenceEncoding encoding;
    private final double deltaThreshold;
    private final ImageFolder test;
    private final int[] pixelOrder;
    private final int intensityChannels;
    private final int taskSteps;

    /** Reads the test files now (they fix the image size); the training files are read by {@link #datasets}. */
    public SequentialImageTask(ModelConfig.TaskSpec spec) {
        this.folder = Path.of(spec.path() == null ? DEFAULT_PATH : spec.path());
        this.order = spec.order() == null ? SequenceOrder.ROWS : spec.order();
        this.encoding = spec.encoding() == null ? SequenceEncoding.CURRENT : spec.encoding();
        this.deltaThreshold = spec.deltaThreshold() == null ? DEFAULT_DELTA_THRESHOLD : spec.deltaThreshold();
        this.test = ImageFolder.load(folder, "t10k");
        int pixels = test.rows() * test.columns();
        this.intensityChannels = order == SequenceOrder.ROWS ? test.columns() : 1;
        this.taskSteps = order == SequenceOrder.ROWS ? test.rows() : pixels;
        this.pixelOrder = order == SequenceOrder.PERMUTED_PIXELS
                ? Permutations.random(pixels, new SplittableRandom(PERMUTATION_SEED)) : identity(pixels);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int inputChannels() {
        return encoding == SequenceEncoding.DELTA ? 2 * intensityChannels : intensityChannels;
    }

    @Override
    public int classes() {
        return ImageFolder.CLASSES;
    }

    @Override
    public int taskSteps() {
        return taskSteps;
    }

    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        return batch(test, RecordedSplits.sample(test.count(), trials, random, test.source()));
    }

    @Override
    public TaskDatasets datasets(int trainCount, int validationCount, int testCount, long seed) {
        ImageFolder training = trainingImages();
        int[][] split = RecordedSplits.disjoint(training.count(), seed, training.source(), trainCount,
                validationCount);
        return new TaskDatasets(batch(training, split[0]), batch(training, split[1]),
                batch(test, RecordedSplits.leading(test.count(), testCount, test.source(), "task.test_trials")));
    }

    private ImageFolder trainingImages() {
        ImageFolder loaded = ImageFolder.load(folder, "train");
        if (loaded.rows() != test.rows() || loaded.columns() != test.columns()) {
            throw new UserError(loaded.source() + ": images are " + loaded.rows() + " x " + loaded.columns()
                    + " but the test images are " + test.rows() + " x " + test.columns() + "; they must match");
        }
        return loaded;
    }

    private TaskBatch batch(ImageFolder images, int[] examples) {
        int channels = inputChannels();
        double[] values = new double[BatchSize.values(NAME, examples.length, taskSteps, channels)];
        int[] labels = new int[examples.length];
        int[][] factors = new int[examples.length][];
        for (int trial = 0; trial < examples.length; trial++) {
            int example = examples[trial];
            write(images, example, values, trial * taskSteps * channels);
            labels[trial] = images.label(example);
            factors[trial] = new int[] {example};
        }
        return new TaskBatch(examples.length, taskSteps, channels, values, labels, factors, FACTOR_NAMES.clone());
    }

    /** One example's input values: intensities, or their delta spikes (on channels first, then off). */
    private void write(ImageFolder images, int example, double[] values, int offset) {
        int channels = inputChannels();
        for (int step = 0; step < taskSteps; step++) {
            for (int c = 0; c < intensityChannels; c++) {
                double now = images.intensity(example, pixelOrder[step * intensityChannels + c]);
                int at = offset + step * channels + c;
                if (encoding != SequenceEncoding.DELTA) {
                    values[at] = now;
                    continue;
                }
                double before = step == 0 ? 0.0
                        : images.intensity(example, pixelOrder[(step - 1) * intensityChannels + c]);
                values[at] = now - before > deltaThreshold ? 1.0 : 0.0;
                values[at + intensityChannels] = before - now > deltaThreshold ? 1.0 : 0.0;
            }
        }
    }
}
