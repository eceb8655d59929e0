package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;
import org.sernn.task.ShdTask;
import org.sernn.task.Task;
import org.sernn.task.TaskDatasets;
import org.sernn.task.Tasks;
import org.sernn.task.TrialSplits;

/** The shd task through the trainer, on the small files in src/test/resources/shd. */
class ShdTrainingTest {
    private static final String TRAIN = "src/test/resources/shd/shd_train.h5";
    private static final String TEST = "src/test/resources/shd/shd_test.h5";

    private static final String TINY = "name: shd-tiny\nseed: 2\nsizes: {inputs: 700, recurrent: 8, outputs: 20}\n"
            + "space: {layout: grid, grid: [2, 2, 2]}\n"
            + "neuron: {type: alif, alif_fraction: 1.0, dt_ms: 4.0, tau_out_ms: 20.0}\n"
            + "weights: {w_in: {init: gaussian, gain: 3.0}}\n"
            + "task: {name: shd, path: " + TRAIN + ", test_path: " + TEST + ", max_duration_ms: 100, "
            + "loss_over: sequence, train_trials: 16, validation_trials: 8, test_trials: 8}\n"
            + "training: {epochs: 2, batch_size: 3}\n";

    @TempDir
    Path dir;

    @Test
    void theShippedConfigMatchesTheLayoutOfTheFiles() {
        ModelConfig shipped = ConfigLoader.load(Path.of("models/alif-shd.yaml"));
        ModelConfig.TaskSpec spec = shipped.task();
        Task task = new ShdTask(new ModelConfig.TaskSpec(spec.name(), spec.stepsPerTaskStep(), spec.lossWindow(),
                spec.shuffledLabels(), 1, 1, 1, spec.inputNoiseStd(), spec.lossOver(), TRAIN, TEST, null, null, null,
                spec.maxDurationMs()), shipped.neuron().dtMs());
        assertEquals(shipped.sizes().inputs(), task.inputChannels());
        assertEquals(shipped.sizes().outputs(), task.classes());
        assertEquals(250, task.taskSteps());
    }

    @Test
    void recordingsEvaluatedInChunksScoreAsWhenEvaluatedAtOnce() {
        ModelConfig config = ConfigLoader.fromYaml(TINY, "inline");
        Network network = NetworkFactory.build(config, dir);
        ShdTask task = (ShdTask) Tasks.of(config);
        TaskInputs inputs = new TaskInputs(config, task);
        TrialSplits lazy = task.splits(16, 8, 8, 5L);
        TaskDatasets dense = task.datasets(16, 8, 8, 5L);
        for (int chunk : new int[] {1, 3, 16}) {
            double chunked = new EvaluationSet(lazy.train(), inputs, new SplittableRandom(1), chunk)
                    .accuracy(network, inputs.lossMask());
            double whole = new EvaluationSet(dense.train(), inputs, new SplittableRandom(1), chunk)
                    .accuracy(network, inputs.lossMask());
            assertEquals(whole, chunked, 1e-15, "chunks of " + chunk);
        }
        assertArrayEquals(dense.test().labels(), lazy.test().labels());
        assertArrayEquals(dense.validation().values(), lazy.validation().slice(new int[] {0, 1, 2, 3, 4, 5, 6, 7})
                .values(), 0.0);
    }

    @Test
    void theReportedTestAccuracyIsThatOfTheTestFile() {
        ModelConfig config = ConfigLoader.fromYaml(TINY, "inline");
        Network network = NetworkFactory.build(config, dir);
        Trainer.Result result = new Trainer(network, dir, new PrintStream(OutputStream.nullOutputStream()), false)
                .run(false);
        Network trained = NetworkCheckpoint.read(dir.resolve("model.npz"));
        Task task = Tasks.of(trained.config());
        TaskDatasets splits = TaskDatasets.of(task, trained.config().task(), trained.config().seed());
        TaskInputs inputs = new TaskInputs(trained.config(), task);
        double test = Evaluation.accuracy(trained, inputs.encodeWithoutNoise(splits.test(), new SplittableRandom(0)),
                splits.test().labels(), inputs.lossMask());
        assertEquals(test, result.testAccuracy(), 0.0);
        assertEquals(25, inputs.lossMask().length);
        for (double weight : inputs.lossMask()) {
            assertEquals(1.0 / 25, weight, 1e-15);
        }
    }
}
