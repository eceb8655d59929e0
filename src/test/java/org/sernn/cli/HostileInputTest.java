package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.Refusals.args;
import static org.sernn.cli.Refusals.assertRefused;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.io.TextFiles;
import org.sernn.model.ModelSource;
import org.sernn.model.NetworkCheckpoint;

/**
 * The inputs of issue 16 that once ended in a stack trace, a hang or an unclear message: each is
 * now refused with exit 2 and one line naming the file or option, the value and what is allowed.
 */
class HostileInputTest {
    static final String SMALL = "name: small\nseed: 3\nsizes: {inputs: 8, recurrent: 12, outputs: 4}\n"
            + "space: {layout: box}\ntask: {name: maze, steps_per_task_step: 1, loss_window: 2, train_trials: 64,"
            + " validation_trials: 16, test_trials: 16}\ntraining: {epochs: 1, batch_size: 32}\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void lossWindowLongerThanTheTrialIsRefusedBySimulateAndTrain() throws IOException {
        Path config = write("window.yaml", SMALL.replace("loss_window: 2", "loss_window: 500"));
        String message = assertRefused(args("simulate", config.toString(), "--out", out("s")), "window.yaml",
                "task.loss_window", "500");
        assertRefused(args("train", config.toString(), "--out", out("t")), "task.loss_window", "500");
        assertTrue(message.contains("at most"), message);
    }

    @Test
    void sizesInsideTheDocumentedRangeNeverOverflow() throws IOException {
        for (String units : new String[] {"50000", "1000000"}) {
            Path config = write("big" + units + ".yaml", SMALL.replace("recurrent: 12", "recurrent: " + units));
            String message = assertRefused(args("simulate", config.toString(), "--out", out("b")), "sizes.recurrent",
                    units, "GiB");
            assertTrue(message.contains("memory"), message);
        }
    }

    @Test
    void aConfigThatIsADeviceOrTooLargeIsRefusedBeforeParsing() throws IOException {
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        assertRefused(args("simulate", zero.toString(), "--out", out("z")), "zero.yaml", "not a regular file");
        String name = "x".repeat((int) TextFiles.MAX_CONFIG_BYTES);
        Path huge = write("huge.yaml", "name: \"" + name + "\"\n");
        assertRefused(args("simulate", huge.toString(), "--out", out("h")), "huge.yaml",
                String.valueOf(TextFiles.MAX_CONFIG_BYTES));
        Path longName = write("long-name.yaml", "name: \"" + "x".repeat(100_000) + "\"\n");
        String message = assertRefused(args("simulate", longName.toString(), "--out", out("n")), "long-name.yaml",
                "name", "100000 characters", "at most 200");
        assertTrue(message.length() < 400, "the message does not repeat the value: " + message.length());
        Path profile = write("huge-profile.yaml", "name: \"" + name + "\"\n");
        assertRefused(args("deploy", "models/alif-sernn.yaml", "--profile", profile.toString(), "--out", out("d")),
                "huge-profile.yaml", String.valueOf(TextFiles.MAX_CONFIG_BYTES));
    }

    @Test
    void aCheckpointWithAStringWeightMatrixIsRefused() throws IOException {
        Path model = dir.resolve("strings.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(
                ModelSource.load(write("m.yaml", SMALL)), Map.of()));
        String[] text = new String[12 * 12];
        Arrays.fill(text, "0.5");
        arrays.put("w_rec", NpyArray.ofStrings(text, 12, 12));
        Npz.write(model, arrays);
        assertRefused(args("simulate", model.toString(), "--out", out("s")), "strings.npz", "w_rec", "<U3",
                "numeric");
        assertRefused(args("export", model.toString(), "--format", "npz", "--out", out("e.npz")), "w_rec");
    }

    @Test
    void hugeTrialCountsAreRefusedWithTheMemoryTheyWouldNeed() throws IOException {
        Path config = write("m.yaml", SMALL);
        assertRefused(args("simulate", config.toString(), "--trials", "2147483647", "--out", out("s")), "--trials",
                "2147483647", "GiB");
    }

    @Test
    void negativeEpochsAreRefusedBeforeAnyWork() throws IOException {
        assertRefused(args("train-onchip", write("m.yaml", SMALL).toString(), "--profile",
                "hardware-profiles/pcm-crossbar.yaml", "--scheme", "sign", "--epochs", "-1", "--out", out("o")),
                "--epochs", "-1");
        assertRefused(args("demo", "--epochs", "-1", "--out", out("demo")), "--epochs", "-1");
        assertFalse(Files.exists(dir.resolve("demo")), "demo did no work");
    }

    @Test
    void wrongSuccessesAreRefused() throws IOException {
        assertRefused(args("simulate", write("m.yaml", SMALL).toString(), "--out", ""), "--out", "empty");
    }

    @Test
    void unreadableInputsGetAMessageThatSaysWhy() throws IOException {
        byte[] noise = new byte[4096];
        new SplittableRandom(16).nextBytes(noise);
        noise[0] = (byte) 0xC3;
        noise[1] = (byte) 0x28;
        Path random = dir.resolve("random.yaml");
        Files.write(random, noise);
        String message = assertRefused(args("simulate", random.toString(), "--out", out("r")), "random.yaml",
                "UTF-8", "line 1");
        assertFalse(message.contains("Input length"), message);
        assertRefused(args("train", dir.resolve("model.npz").toString(), "--out", out("t")), "model.npz", ".yaml");
        Path nul = write("nul.yaml", "name: a\nseed: 1\n\n\n\nna\u0000me: b\n");
        assertRefused(args("simulate", nul.toString(), "--out", out("n")), "nul.yaml", "line 6", "NUL");
        Path tabs = write("tabs.yaml", "name: t\nneuron:\n\ttau_m_ms: 20\n");
        assertRefused(args("simulate", tabs.toString(), "--out", out("t")), "tabs.yaml", "line 3");
        Path nan = write("nan.yaml", "name: n\nneuron: {tau_m_ms: .nan}\n");
        assertRefused(args("simulate", nan.toString(), "--out", out("n")), "nan.yaml", "neuron.tau_m_ms", "finite number");
        Path folderNir = Files.createDirectory(dir.resolve("x.nir"));
        assertRefused(args("export", folderNir.toString(), "--format", "npz", "--out", out("x.npz")), "x.nir",
                "folder");
        Path folderNpz = Files.createDirectory(dir.resolve("y.npz"));
        String npz = assertRefused(args("simulate", folderNpz.toString(), "--out", out("y")), "y.npz", "folder");
        assertFalse(npz.contains("not a valid"), npz);
    }

    @Test
    void aNirFileWhoseRootIsNotAGraphIsRefused() throws IOException {
        Path nir = dir.resolve("model.nir");
        assertEquals(0, CliRunner.run("export", write("m.yaml", SMALL).toString(), "--format", "nir", "--out",
                nir.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(nir);
        byte[] graph = "NIRGraph".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + graph.length <= bytes.length && at < 0; i++) {
            at = Arrays.equals(bytes, i, i + graph.length, graph, 0, graph.length) ? i : -1;
        }
        assertTrue(at >= 0, "the root's type string is in the file");
        System.arraycopy("LIF\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII), 0, bytes, at, graph.length);
        Path lif = dir.resolve("lif-root.nir");
        Files.write(lif, bytes);
        assertRefused(args("export", lif.toString(), "--format", "npz", "--dt-ms", "1", "--out", out("x.npz")),
                "lif-root.nir", "node/type", "LIF", "NIRGraph");
    }

    @Test
    void theTaskSizeMismatchNamesTheConfigFile() throws IOException {
        Path config = write("sizes.yaml", SMALL.replace("inputs: 8", "inputs: 5"));
        assertRefused(args("train", config.toString(), "--out", out("t")), "sizes.yaml", "sizes.inputs", "5");
    }

    @Test
    void usageErrorsAreOneLineToo() {
        assertRefused(args("simulate", "models/alif-sernn.yaml", "--trials", "many", "--out", out("u")), "--trials",
                "many");
    }

    @Test
    void aConfigGivenAsBytesOfAnotherEncodingNamesTheLine() throws IOException {
        Path latin = dir.resolve("latin.yaml");
        Files.write(latin, "name: a\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(args("simulate", latin.toString(), "--out", out("l")), "latin.yaml", "line 2", "0xe9");
        assertEquals(0, CliRunner.run("simulate", write("ok.yaml", SMALL + "# caf\u00e9\n").toString(), "--out",
                out("ok")).exitCode());
    }
}
