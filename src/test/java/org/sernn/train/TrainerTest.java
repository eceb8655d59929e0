package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;

class TrainerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String SMALL = "name: small\nseed: 3\nneuron: {type: alif, alif_fraction: 0.5, tau_a_ms: 200,"
            + " beta: 0.07, n_ref: 2}\nsizes: {recurrent: 30}\nspace: {layout: box}\n"
            + "weights: {w_in: {gain: 3}, w_rec: {init: gaussian}}\n"
            + "task: {name: maze, steps_per_task_step: 2, loss_window: 3, train_trials: 256, validation_trials: 64,"
            + " test_trials: 64}\n"
            + "training: {epochs: 3, batch_size: 64, learning_rate: 0.005, rate_regulariser: {c_reg: 0.0001},"
            + " regulariser: {kind: sernn, lambda: 0.01}}\n";

    @TempDir
    Path dir;

    private static Network network(String yaml) {
        return NetworkFactory.build(ConfigLoader.fromYaml(yaml, "inline"), Path.of("."));
    }

    @Test
    void resumeAfterLosingAnEpochIsBitIdentical() throws IOException {
        Path full = dir.resolve("full");
        Trainer.Result uninterrupted = new Trainer(network(SMALL), full, QUIET, false).run(false);
        Path cut = dir.resolve("cut");
        new Trainer(network(SMALL), cut, QUIET, false).run(false);
        // As if killed during epoch 2: the latest checkpoint is epoch 1's.
        Files.copy(cut.resolve("epoch-001.npz"), cut.resolve("model.npz"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(cut.resolve("epoch-002.npz"));
        Files.delete(cut.resolve("epoch-003.npz"));
        Trainer.Result resumed = new Trainer(network(SMALL), cut, QUIET, false).run(true);
        assertEquals(uninterrupted.network(), resumed.network());
        assertSameCheckpoint(full.resolve("model.npz"), cut.resolve("model.npz"));
        assertEquals(withoutSeconds(uninterrupted.metricsRows()), withoutSeconds(resumed.metricsRows()));
    }

    @Test
    void killedProcessResumesBitIdentically() throws Exception {
        Path config = dir.resolve("small.yaml");
        Files.writeString(config, SMALL.replace("epochs: 3", "epochs: 4"));
        Path reference = dir.resolve("reference");
        new Trainer(network(Files.readString(config)), reference, QUIET, false).run(false);

        Path killed = dir.resolve("killed");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.sernn.cli.Main", "train", config.toString(), "--out",
                killed.toString(), "--no-progress").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(killed.resolve("epoch-002.npz")) && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        boolean finalEpochAtKill = Files.exists(killed.resolve("epoch-004.npz"));
        int exit = process.destroyForcibly().waitFor();
        assertFalse(finalEpochAtKill, "the child finished all 4 epochs before it was killed");
        assertNotEquals(0, exit, "the child exited normally instead of being killed");
        assertTrue(Files.exists(killed.resolve("epoch-001.npz")), "the child got past epoch 1 before the kill");
        new Trainer(network(Files.readString(config)), killed, QUIET, false).run(true);
        assertSameCheckpoint(reference.resolve("model.npz"), killed.resolve("model.npz"));
    }

    @Test
    void divergenceStopsWithAMessageAndKeepsTheLastGoodCheckpoint() {
        String exploding = "name: boom\nneuron: {type: rate, tau_out_ms: 0}\n"
                + "task: {name: maze, train_trials: 256, validation_trials: 32, test_trials: 32}\n"
                + "training: {epochs: 3, batch_size: 32, learning_rate: 1000000}\n";
        Path out = dir.resolve("boom");
        UserError error = assertThrows(UserError.class,
                () -> new Trainer(network(exploding), out, QUIET, false).run(false));
        assertTrue(error.getMessage().contains("diverged") && error.getMessage().contains("epoch-000.npz"),
                error.getMessage());
        Network lastGood = NetworkCheckpoint.read(out.resolve("model.npz"));
        assertEquals(network(exploding), lastGood, "model.npz is still the initial network");
    }

    @Test
    void mismatchedTaskAndBadTrainingConfigsAreRefused() {
        UserError sizes = assertThrows(UserError.class, () -> new Trainer(network("sizes: {inputs: 5}\ntask: {name: maze}\n"),
                dir.resolve("a"), QUIET, false).run(false));
        assertTrue(sizes.getMessage().contains("sizes.inputs"), sizes.getMessage());
        UserError task = assertThrows(UserError.class, () -> ConfigLoader.fromYaml("task: {name: mnist}\n", "t.yaml"));
        assertTrue(task.getMessage().contains("task.name") && task.getMessage().contains("maze"), task.getMessage());
        UserError rate = assertThrows(UserError.class, () -> ConfigLoader.fromYaml("training: {learning_rate: -1}\n",
                "t.yaml"));
        assertTrue(rate.getMessage().contains("training.learning_rate"), rate.getMessage());
        UserError eprop = assertThrows(UserError.class, () -> LearningRules.of(network(
                "neuron: {type: rate}\ntraining: {learning_rule: eprop}\n")));
        assertTrue(eprop.getMessage().contains("learning_rule"), eprop.getMessage());
    }

    private static void assertSameCheckpoint(Path expected, Path actual) throws IOException {
        Map<String, NpyArray> a = Npz.read(expected);
        Map<String, NpyArray> b = Npz.read(actual);
        assertEquals(a.keySet(), b.keySet(), "checkpoint members");
        for (String key : a.keySet()) {
            if (key.equals("metrics_csv")) {   // rows differ in their wall-clock column only
                assertEquals(withoutSeconds(rows(a.get(key))), withoutSeconds(rows(b.get(key))), key);
            } else {
                assertEquals(a.get(key), b.get(key), key);   // dtype, shape and bytes
            }
        }
    }

    private static List<EpochMetrics> rows(NpyArray metricsCsv) {
        String csv = metricsCsv.asString();
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split("\n")).map(EpochMetrics::parseCsvRow).toList();
    }

    /** The rows as metrics.csv prints them, without the wall-clock column. */
    private static List<String> withoutSeconds(List<EpochMetrics> rows) {
        return rows.stream().map(EpochMetrics::csvRow).map(row -> row.substring(0, row.lastIndexOf(','))).toList();
    }
}
