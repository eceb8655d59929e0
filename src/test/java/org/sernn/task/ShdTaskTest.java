package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.model.ModelConfig;

/**
 * The SHD/SSC loader on two small files in the published layout (src/test/resources/shd, written
 * by make_fixture.py there with h5py: float32 times in the training file, float16 in the test
 * file). Every binned value is recomputed here from the formula the fixture was made with.
 */
class ShdTaskTest {
    private static final Path TRAIN = Path.of("src/test/resources/shd/shd_train.h5");
    private static final Path TEST = Path.of("src/test/resources/shd/shd_test.h5");
    private static final int CHANNELS = 700;

    @TempDir
    Path dir;

    private static ModelConfig.TaskSpec spec(Path train, Path test, Double maxDurationMs) {
        return new ModelConfig.TaskSpec(ShdTask.NAME, null, null, null, null, null, null, null, null,
                train.toString(), test == null ? null : test.toString(), null, null, null, maxDurationMs);
    }

    /** The binned spikes of recording n (numbered across files as make_fixture.py numbers them). */
    private static double[] expected(int n, double dtMs, int bins) {
        double[] values = new double[bins * CHANNELS];
        for (int k = 0; k < 6; k++) {
            double seconds = (3.0 * n + 5.0 * k) / 1024;
            int bin = (int) Math.floor(seconds * 1000 / dtMs);
            if (bin < bins) {
                values[bin * CHANNELS + (37 * n + 11 * k) % 700] = 1.0;
            }
        }
        return values;
    }

    private static double[] trial(TaskBatch batch, int trial) {
        int stride = batch.taskSteps() * batch.channels();
        double[] values = new double[stride];
        System.arraycopy(batch.values(), trial * stride, values, 0, stride);
        return values;
    }

    @Test
    void theTestFileGivesTheTestSplitInFileOrderBinnedToDt() {
        ShdTask task = new ShdTask(spec(TRAIN, TEST, null), 4.0);
        assertEquals(250, task.taskSteps());
        assertEquals(700, task.inputChannels());
        assertEquals(20, task.classes());
        TaskBatch test = task.datasets(4, 4, 8, 1L).test();
        for (int trial = 0; trial < 8; trial++) {
            assertEquals(trial, test.factors()[trial][0]);
            assertEquals((100 + trial) % 20, test.labels()[trial]);
            assertArrayEquals(expected(100 + trial, 4.0, 250), trial(test, trial), 0.0);
        }
    }

    @Test
    void trainingAndValidationAreDisjointSubsetsOfTheTrainingFile() {
        ShdTask task = new ShdTask(spec(TRAIN, TEST, null), 4.0);
        TaskDatasets data = task.datasets(16, 8, 1, 7L);
        Set<Integer> seen = new HashSet<>();
        for (TaskBatch split : new TaskBatch[] {data.train(), data.validation()}) {
            for (int trial = 0; trial < split.trials(); trial++) {
                int example = split.factors()[trial][0];
                assertTrue(seen.add(example));
                assertEquals(example % 20, split.labels()[trial]);
                assertArrayEquals(expected(example, 4.0, 250), trial(split, trial), 0.0);
            }
        }
        assertEquals(24, seen.size());
    }

    @Test
    void withoutATestFileTheTestSplitIsAThirdDisjointSubset() {
        ShdTask task = new ShdTask(spec(TRAIN, null, null), 4.0);
        TaskDatasets data = task.datasets(10, 6, 8, 7L);
        Set<Integer> seen = new HashSet<>();
        for (TaskBatch split : new TaskBatch[] {data.train(), data.validation(), data.test()}) {
            for (int[] factor : split.factors()) {
                assertTrue(seen.add(factor[0]));
            }
        }
        assertEquals(24, seen.size());
        UserError e = assertThrows(UserError.class, () -> task.datasets(10, 6, 9, 7L));
        assertEquals(TRAIN + ": holds 24 examples; task.train_trials + validation_trials + test_trials = 25 must "
                + "not exceed that", e.getMessage());
    }

    @Test
    void theMaximumDurationDropsLaterSpikesAndSetsTheTrialLength() {
        // 22 ms in 2 ms bins: 11 bins; recording 5 has spikes at 14.6, 19.5, 24.4, ... ms and keeps two
        ShdTask task = new ShdTask(spec(TRAIN, TEST, 22.0), 2.0);
        assertEquals(11, task.taskSteps());
        TaskDatasets data = task.datasets(23, 1, 1, 1L);
        double keptOfFive = -1;
        for (TaskBatch split : new TaskBatch[] {data.train(), data.validation()}) {
            for (int trial = 0; trial < split.trials(); trial++) {
                int n = split.factors()[trial][0];
                double[] values = trial(split, trial);
                assertArrayEquals(expected(n, 2.0, 11), values, 0.0);
                if (n == 5) {
                    keptOfFive = java.util.Arrays.stream(values).sum();
                }
            }
        }
        assertEquals(2.0, keptOfFive);
    }

    @Test
    void samplingDrawsDistinctTestRecordings() {
        ShdTask task = new ShdTask(spec(TRAIN, TEST, null), 4.0);
        TaskBatch batch = task.sample(8, new SplittableRandom(3));
        Set<Integer> examples = new HashSet<>();
        for (int trial = 0; trial < 8; trial++) {
            int example = batch.factors()[trial][0];
            examples.add(example);
            assertArrayEquals(expected(100 + example, 4.0, 250), trial(batch, trial), 0.0);
        }
        assertEquals(8, examples.size());
    }

    @Test
    void filesOutsideTheLayoutAreRefusedWithTheirName() throws IOException {
        Path text = dir.resolve("not.h5");
        Files.writeString(text, "hello");
        UserError notHdf5 = assertThrows(UserError.class, () -> new ShdTask(spec(text, null, null), 4.0));
        assertTrue(notHdf5.getMessage().startsWith(text + ": not a readable HDF5 file"), notHdf5.getMessage());
        Path missing = dir.resolve("missing.h5");
        assertEquals(missing + ": file not found",
                assertThrows(UserError.class, () -> new ShdTask(spec(missing, null, null), 4.0)).getMessage());
        Path labelsOnly = dir.resolve("labels-only.h5");
        try (io.jhdf.WritableHdfFile file = io.jhdf.HdfFile.write(labelsOnly)) {
            file.putDataset("labels", new int[] {1, 2});
        }
        assertEquals(labelsOnly + ": has no dataset spikes/times (SHD/SSC files hold spikes/times, spikes/units and "
                + "labels)", assertThrows(UserError.class, () -> new ShdTask(spec(labelsOnly, null, null), 4.0))
                .getMessage());
    }
}
