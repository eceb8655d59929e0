package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.export.NirImporter;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;
import org.sernn.model.RegulariserKind;
import org.sernn.task.IdxFixtures;
import org.sernn.task.Task;
import org.sernn.task.TaskDatasets;
import org.sernn.task.Tasks;
import org.sernn.train.Evaluation;
import org.sernn.train.TaskInputs;
import org.sernn.train.Trainer;

/**
 * Sequential images end to end on a tiny MNIST-layout folder whose class is written into the last
 * row (column k bright for class k, the other rows random): rate and spiking networks, BPTT and
 * e-prop, every regulariser, then deployment, export and analysis of the trained models. A network
 * that learns it must see each image with its own label; the test accuracy must come from the
 * test file.
 */
class SequentialImageEndToEndTest {
    private static final int ROWS = 4;
    private static final int COLUMNS = 4;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeData() throws IOException {
        data = dir.resolve("images");
        writeSplit("train", 96, new SplittableRandom(1));
        // deploy's energy section runs 256 test trials of its own
        writeSplit("t10k", 256, new SplittableRandom(2));
    }

    private void writeSplit(String prefix, int count, SplittableRandom random) throws IOException {
        int[][] images = new int[count][ROWS * COLUMNS];
        int[] labels = new int[count];
        for (int e = 0; e < count; e++) {
            labels[e] = random.nextInt(COLUMNS);
            for (int p = 0; p < (ROWS - 1) * COLUMNS; p++) {
                images[e][p] = random.nextInt(256);
            }
            images[e][(ROWS - 1) * COLUMNS + labels[e]] = 255;
        }
        IdxFixtures.writeImages(data, prefix, ROWS, COLUMNS, images, labels, true);
    }

    private String rate(RegulariserKind regulariser) {
        return "name: rate-images\nseed: 3\nsizes: {inputs: 4, recurrent: 8, outputs: 10}\n"
                + "space: {layout: grid, grid: [2, 2, 2]}\nneuron: {type: rate, activation: relu, tau_out_ms: 0}\n"
                + "task: {name: sequential_image, path: '" + data + "', order: rows, train_trials: 64, "
                + "validation_trials: 32, test_trials: 32}\n"
                + "training: {epochs: 15, batch_size: 16, learning_rate: 0.02, regulariser: {kind: "
                + regulariser.name().toLowerCase(java.util.Locale.ROOT) + ", lambda: 0.001}}\n";
    }

    private String alif(String rule) {
        return "name: alif-images\nseed: 3\nsizes: {inputs: 4, recurrent: 27, outputs: 10}\n"
                + "space: {layout: grid, grid: [3, 3, 3]}\n"
                + "neuron: {type: alif, alif_fraction: 0.5, dt_ms: 1.0, tau_m_ms: 5.0, tau_a_ms: 200.0, beta: 0.07, "
                + "v_th: 0.6, n_ref: 1, tau_out_ms: 3.0}\n"
                + "weights: {w_in: {init: gaussian, gain: 3.0}}\n"
                + "task: {name: sequential_image, path: '" + data + "', steps_per_task_step: 4, loss_window: 1, "
                + "train_trials: 64, validation_trials: 32, test_trials: 32}\n"
                + "training: {learning_rule: " + rule + ", epochs: 30, batch_size: 16, learning_rate: 0.02, "
                + "surrogate: {kind: triangle, gamma: 0.3}, regulariser: {kind: sernn, lambda: 0.001}}\n";
    }

    private Trainer.Result train(String yaml, String name) {
        ModelConfig config = ConfigLoader.fromYaml(yaml, name);
        Network network = NetworkFactory.build(config, dir);
        return new Trainer(network, dir.resolve(name), QUIET, false).run(false);
    }

    /** The test accuracy recomputed from the saved checkpoint on the leading test-file images. */
    private double recomputedTestAccuracy(String name) {
        Network network = NetworkCheckpoint.read(dir.resolve(name).resolve("model.npz"));
        ModelConfig config = network.config();
        Task task = Tasks.of(config);
        TaskDatasets splits = TaskDatasets.of(task, config.task(), config.seed());
        TaskInputs inputs = new TaskInputs(config, task);
        return Evaluation.accuracy(network, inputs.encodeWithoutNoise(splits.test(), new SplittableRandom(0)),
                splits.test().labels(), inputs.lossMask());
    }

    @Test
    void rateNetworksLearnTheImagesUnderEveryRegulariser() {
        for (RegulariserKind kind : RegulariserKind.values()) {
            Trainer.Result result = train(rate(kind), "rate-" + kind);
            assertTrue(result.testAccuracy() >= 0.9, kind + ": test accuracy " + result.testAccuracy());
            assertEquals(recomputedTestAccuracy("rate-" + kind), result.testAccuracy(), 0.0);
        }
    }

    @Test
    void spikingNetworksLearnTheImagesWithBpttAndEprop() {
        for (String rule : new String[] {"bptt", "eprop"}) {
            Trainer.Result result = train(alif(rule), "alif-" + rule);
            // chance is 0.25; a network that saw the images with the wrong labels would stay near it
            assertTrue(result.testAccuracy() >= 0.8, rule + ": test accuracy " + result.testAccuracy());
            assertEquals(recomputedTestAccuracy("alif-" + rule), result.testAccuracy(), 0.0);
        }
    }

    @Test
    void trainingWithoutTheDataFolderStopsWithOneLineNamingThePackage() throws IOException {
        Path config = dir.resolve("missing.yaml");
        Path nowhere = dir.resolve("nowhere");
        Files.writeString(config, rate(RegulariserKind.NONE).replace(data.toString(), nowhere.toString()));
        Result result = run("train", config.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertEquals("sernn: " + nowhere + ": no such folder (task.path); install Fashion-MNIST with `apt-get install "
                + "dataset-fashion-mnist` or set task.path to a folder of MNIST-format IDX files", result.err().trim());
    }

    /** Rows of the test confusion matrix count the test file's labels; its diagonal gives the test accuracy. */
    private void assertConfusionMatchesTheTestFile(Path csv, double testAccuracy) throws IOException {
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals("label,predicted_0,predicted_1,predicted_2,predicted_3,predicted_4,predicted_5,predicted_6,"
                + "predicted_7,predicted_8,predicted_9", lines.get(0));
        Network network = NetworkCheckpoint.read(dir.resolve("rate/model.npz"));
        int[] labels = TaskDatasets.of(Tasks.of(network.config()), network.config().task(), network.config().seed())
                .test().labels();
        long[] perLabel = new long[10];
        for (int label : labels) {
            perLabel[label]++;
        }
        long diagonal = 0;
        for (int label = 0; label < 10; label++) {
            String[] cells = lines.get(label + 1).split(",");
            assertEquals(Integer.toString(label), cells[0]);
            long row = 0;
            for (int predicted = 0; predicted < 10; predicted++) {
                row += Long.parseLong(cells[predicted + 1]);
            }
            assertEquals(perLabel[label], row, "label " + label);
            diagonal += Long.parseLong(cells[label + 1]);
        }
        assertEquals(testAccuracy, (double) diagonal / labels.length, 0.0);
    }

    @Test
    void trainedModelsDeployExportAndAnalyse() throws IOException {
        Trainer.Result rate = train(rate(RegulariserKind.SERNN), "rate");
        train(alif("bptt"), "alif");
        assertConfusionMatchesTheTestFile(dir.resolve("rate/test-confusion.csv"), rate.testAccuracy());
        Path rateModel = dir.resolve("rate/model.npz");
        Path alifModel = dir.resolve("alif/model.npz");

        Path ideal = dir.resolve("deploy-ideal");
        Result deployed = run("deploy", rateModel.toString(), "--profile", "hardware-profiles/ideal.yaml", "--trials",
                "32", "--device-seeds", "1", "--out", ideal.toString());
        assertEquals(0, deployed.exitCode(), deployed.err());
        JsonNode report = new ObjectMapper().readTree(ideal.resolve("report.json").toFile());
        assertEquals(report.get("float_accuracy").asDouble(), report.get("accuracy_mean").asDouble(), 0.0);
        assertTrue(report.get("float_accuracy").asDouble() >= 0.9, report.toString());

        Path loihi = dir.resolve("deploy-loihi");
        Result onLoihi = run("deploy", alifModel.toString(), "--profile", "hardware-profiles/loihi.yaml", "--trials",
                "32", "--device-seeds", "1", "--out", loihi.toString());
        assertEquals(0, onLoihi.exitCode(), onLoihi.err());
        assertTrue(new ObjectMapper().readTree(loihi.resolve("report.json").toFile()).get("accuracy_mean").asDouble()
                > 0.5);

        Path nir = dir.resolve("alif.nir");
        Result exported = run("export", alifModel.toString(), "--format", "nir", "--out", nir.toString());
        assertEquals(0, exported.exitCode(), exported.err());
        Network trained = NetworkCheckpoint.read(alifModel);
        // NIR holds float32 weights
        assertArrayEquals(trained.wIn().toArray(), NirImporter.read(nir, null).network().wIn().toArray(), 1e-6);
        Path npz = dir.resolve("alif-export.npz");
        assertEquals(0, run("export", alifModel.toString(), "--format", "npz", "--out", npz.toString()).exitCode());
        assertEquals(ConfigLoader.toJson(trained.config()), ConfigLoader.toJson(NetworkCheckpoint.read(npz).config()));

        Path analysis = dir.resolve("analysis");
        Result analysed = run("analyze", rateModel.toString(), "--nulls", "2", "--epoch-nulls", "1", "--permutations",
                "2", "--out", analysis.toString());
        assertEquals(0, analysed.exitCode(), analysed.err());
        JsonNode metrics = new ObjectMapper().readTree(analysis.resolve("metrics.json").toFile());
        assertTrue(metrics.get("structure").get("modularity_q").isNumber(), metrics.toString());
        assertTrue(metrics.get("function_skipped").asText().contains("maze task only"), metrics.toString());
        assertTrue(Files.exists(analysis.resolve("metrics.json")));
    }
}
