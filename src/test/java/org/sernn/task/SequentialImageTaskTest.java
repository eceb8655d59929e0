package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.model.ModelConfig;
import org.sernn.model.SequenceEncoding;
import org.sernn.model.SequenceOrder;

class SequentialImageTaskTest {
    private static final int ROWS = 3;
    private static final int COLUMNS = 4;
    private static final int TRAIN = 20;
    private static final int TEST = 6;

    @TempDir
    Path dir;

    /** Example e has pixel p = (7 e + 13 p) mod 256 and label e mod 10, so every value can be recomputed. */
    static int pixel(int example, int p) {
        return (7 * example + 13 * p) % 256;
    }

    @BeforeEach
    void writeFolder() throws IOException {
        IdxFixtures.writeImages(dir, "train", ROWS, COLUMNS, images(TRAIN, 0), labels(TRAIN, 0), true);
        IdxFixtures.writeImages(dir, "t10k", ROWS, COLUMNS, images(TEST, 100), labels(TEST, 100), false);
    }

    /** Examples numbered from {@code first}, so the test file's images differ from the training file's. */
    private static int[][] images(int count, int first) {
        int[][] images = new int[count][ROWS * COLUMNS];
        for (int e = 0; e < count; e++) {
            for (int p = 0; p < ROWS * COLUMNS; p++) {
                images[e][p] = pixel(first + e, p);
            }
        }
        return images;
    }

    private static int[] labels(int count, int first) {
        int[] labels = new int[count];
        Arrays.setAll(labels, e -> (first + e) % 10);
        return labels;
    }

    private ModelConfig.TaskSpec spec(SequenceOrder order, SequenceEncoding encoding, Double threshold) {
        return new ModelConfig.TaskSpec(SequentialImageTask.NAME, null, null, null, null, null, null, null, null,
                dir.toString(), null, order, encoding, threshold, null);
    }

    @Test
    void rowOrderShowsOneRowPerStepAndTheTestSplitIsTheLeadingTestImages() {
        SequentialImageTask task = new SequentialImageTask(spec(SequenceOrder.ROWS, null, null));
        assertEquals(ROWS, task.taskSteps());
        assertEquals(COLUMNS, task.inputChannels());
        TaskDatasets data = task.datasets(12, 5, 4, 3L);
        TaskBatch test = data.test();
        for (int trial = 0; trial < 4; trial++) {
            assertEquals(trial, test.factors()[trial][0]);
            assertEquals((100 + trial) % 10, test.labels()[trial]);
            for (int row = 0; row < ROWS; row++) {
                for (int c = 0; c < COLUMNS; c++) {
                    assertEquals(pixel(100 + trial, row * COLUMNS + c) / 255.0,
                            test.values()[(trial * ROWS + row) * COLUMNS + c], 0.0);
                }
            }
        }
    }

    @Test
    void trainingAndValidationAreDisjointSeededSubsetsOfTheTrainingFile() {
        SequentialImageTask task = new SequentialImageTask(spec(SequenceOrder.PIXELS, null, null));
        assertEquals(ROWS * COLUMNS, task.taskSteps());
        assertEquals(1, task.inputChannels());
        TaskDatasets data = task.datasets(12, 8, 1, 3L);
        Set<Integer> seen = new HashSet<>();
        for (TaskBatch split : new TaskBatch[] {data.train(), data.validation()}) {
            for (int trial = 0; trial < split.trials(); trial++) {
                int example = split.factors()[trial][0];
                assertTrue(seen.add(example), "example " + example + " in two splits");
                assertEquals(example % 10, split.labels()[trial]);
                for (int p = 0; p < ROWS * COLUMNS; p++) {
                    assertEquals(pixel(example, p) / 255.0, split.values()[trial * ROWS * COLUMNS + p], 0.0);
                }
            }
        }
        assertEquals(TRAIN, seen.size());
        TaskDatasets again = task.datasets(12, 8, 1, 3L);
        assertArrayEquals(data.train().values(), again.train().values(), 0.0);
        TaskDatasets otherSeed = task.datasets(12, 8, 1, 4L);
        assertFalse(Arrays.equals(data.train().labels(), otherSeed.train().labels())
                && Arrays.equals(data.train().values(), otherSeed.train().values()));
    }

    @Test
    void permutedPixelsUseOneFixedPermutationForEveryImage() {
        SequentialImageTask task = new SequentialImageTask(spec(SequenceOrder.PERMUTED_PIXELS, null, null));
        TaskBatch test = task.datasets(1, 1, TEST, 1L).test();
        int n = ROWS * COLUMNS;
        int[] permutation = new int[n];
        // pixel(e, p) - pixel(e', p) depends on e only, so example 0 fixes the permutation (13 p mod 256 is injective)
        for (int step = 0; step < n; step++) {
            int value = (int) Math.round(test.values()[step] * 255);
            permutation[step] = (int) Math.round((value - 7 * 100 % 256 + 256) % 256 * inverseOf13Mod256() % 256);
        }
        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
        assertFalse(Arrays.equals(identity, permutation));
        for (int trial = 0; trial < TEST; trial++) {
            for (int step = 0; step < n; step++) {
                assertEquals(pixel(100 + trial, permutation[step]) / 255.0, test.values()[trial * n + step], 0.0);
            }
        }
    }

    private static long inverseOf13Mod256() {
        for (int x = 1; x < 256; x++) {
            if (13 * x % 256 == 1) {
                return x;
            }
        }
        throw new AssertionError();
    }

    @Test
    void deltaEncodingSpikesOnRisesAndFallsAboveTheThreshold() throws IOException {
        Path folder = dir.resolve("delta");
        // one column, rows 0, 100, 100, 20, 255, 230: changes +100, 0, -80, +235, -25 (threshold 0.1 = 25.5)
        int[][] image = {{0}, {100}, {100}, {20}, {255}, {230}};
        int[][] images = {{0, 100, 100, 20, 255, 230}};
        IdxFixtures.writeImages(folder, "train", image.length, 1, images, new int[] {3}, false);
        IdxFixtures.writeImages(folder, "t10k", image.length, 1, images, new int[] {3}, false);
        SequentialImageTask task = new SequentialImageTask(new ModelConfig.TaskSpec(SequentialImageTask.NAME, null,
                null, null, null, null, null, null, null, folder.toString(), null, SequenceOrder.ROWS,
                SequenceEncoding.DELTA, 0.1, null));
        assertEquals(2, task.inputChannels());
        TaskBatch batch = task.sample(1, new SplittableRandom(1));
        double[] on = new double[6];
        double[] off = new double[6];
        for (int step = 0; step < 6; step++) {
            on[step] = batch.values()[step * 2];
            off[step] = batch.values()[step * 2 + 1];
        }
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, on, 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0}, off, 0.0);
    }

    @Test
    void samplingDrawsDistinctTestImages() {
        SequentialImageTask task = new SequentialImageTask(spec(SequenceOrder.ROWS, null, null));
        TaskBatch batch = task.sample(TEST, new SplittableRandom(5));
        Set<Integer> examples = new HashSet<>();
        for (int[] factor : batch.factors()) {
            examples.add(factor[0]);
        }
        assertEquals(TEST, examples.size());
        assertNotEquals(0, batch.values()[0] + batch.values()[1]);
        UserError tooMany = assertThrows(UserError.class, () -> task.sample(TEST + 1, new SplittableRandom(5)));
        assertTrue(tooMany.getMessage().contains("holds 6 examples; cannot draw 7"), tooMany.getMessage());
    }

    @Test
    void askingForMoreExamplesThanTheFilesHoldNamesTheKeys() {
        SequentialImageTask task = new SequentialImageTask(spec(SequenceOrder.ROWS, null, null));
        UserError train = assertThrows(UserError.class, () -> task.datasets(15, 6, 1, 1L));
        assertEquals(dir.resolve("train-images-idx3-ubyte.gz") + ": holds 20 examples; task.train_trials + "
                + "validation_trials = 21 must not exceed that", train.getMessage());
        UserError test = assertThrows(UserError.class, () -> task.datasets(1, 1, 7, 1L));
        assertTrue(test.getMessage().contains("task.test_trials 7"), test.getMessage());
    }

    @Test
    void aMissingFolderNamesTheDebianPackageAndTheOption() {
        Path missing = dir.resolve("nowhere");
        UserError e = assertThrows(UserError.class, () -> new SequentialImageTask(new ModelConfig.TaskSpec(
                SequentialImageTask.NAME, null, null, null, null, null, null, null, null, missing.toString(), null,
                null, null, null, null)));
        assertEquals(missing + ": no such folder (task.path); install Fashion-MNIST with `apt-get install "
                + "dataset-fashion-mnist` or set task.path to a folder of MNIST-format IDX files", e.getMessage());
    }

    @Test
    void aLabelOutsideTheTenClassesIsRefused() throws IOException {
        Path folder = dir.resolve("bad");
        IdxFixtures.writeImages(folder, "t10k", 1, 1, new int[][] {{0}}, new int[] {10}, false);
        UserError e = assertThrows(UserError.class, () -> new SequentialImageTask(new ModelConfig.TaskSpec(
                SequentialImageTask.NAME, null, null, null, null, null, null, null, null, folder.toString(), null,
                null, null, null, null)));
        assertTrue(e.getMessage().endsWith("label 10 of example 0 is not allowed; must be in 0..9"), e.getMessage());
    }

    @Test
    void debiansFashionMnistHasItsKnownCountsAndFirstLabels() {
        Path debian = Path.of(SequentialImageTask.DEFAULT_PATH);
        assumeTrue(Files.isDirectory(debian), "dataset-fashion-mnist is not installed");
        ImageFolder train = ImageFolder.load(debian, "train");
        ImageFolder test = ImageFolder.load(debian, "t10k");
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertEquals(28, train.rows());
        assertEquals(28, train.columns());
        // the first training image is an ankle boot (class 9), the first test images classes 9, 2, 1
        assertEquals(9, train.label(0));
        assertArrayEquals(new int[] {9, 2, 1}, new int[] {test.label(0), test.label(1), test.label(2)});
        double sum = 0;
        for (int p = 0; p < 784; p++) {
            sum += train.intensity(0, p) * 255;
        }
        assertEquals(76_247, sum, 1e-6);
    }
}
