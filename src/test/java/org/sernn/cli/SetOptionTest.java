package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ConfigOverride;
import org.sernn.model.ModelConfig;
import picocli.CommandLine;

/** {@code --set key.path=value} on every verb that reads a config, validated like the YAML. */
class SetOptionTest {
    @TempDir
    Path dir;

    /** Verbs that read a config without naming it as an argument: the bundled demo model, a sweep's base configs. */
    private static final Set<String> READ_BUNDLED_OR_BASE_CONFIGS = Set.of("demo", "sweep", "sweep plan");

    @Test
    void everyVerbThatReadsAConfigTakesSet() {
        List<String> readers = new ArrayList<>();
        collectConfigReaders("", Main.commandLine(), readers);
        assertEquals(List.of("demo", "simulate", "train", "grad", "deploy", "energy-compare", "train-onchip",
                "export", "sweep", "sweep plan", "analyze", "compare"), readers);
    }

    /** A verb reads a config when a positional argument may be one (.yaml) or it reads bundled or base configs. */
    private static void collectConfigReaders(String parent, CommandLine command, List<String> readers) {
        command.getSubcommands().forEach((name, sub) -> {
            String verb = parent.isEmpty() ? name : parent + " " + name;
            boolean readsConfig = READ_BUNDLED_OR_BASE_CONFIGS.contains(verb) || sub.getCommandSpec()
                    .positionalParameters().stream().anyMatch(p -> p.paramLabel().equals("CONFIG")
                            || String.join(" ", p.description()).contains(".yaml"));
            if (readsConfig) {
                readers.add(verb);
                assertTrue(sub.getCommandSpec().findOption("--set") != null, verb + " has no --set");
            }
            collectConfigReaders(verb, sub, readers);
        });
    }

    @Test
    void sweepPlanAppliesSetToEveryBaseConfigItCopies() {
        Path sweep = dir.resolve("sweep");
        CliRunner.Result result = CliRunner.run("sweep", "plan", "--out", sweep.toString(), "--networks", "rate",
                "--regularisers", "sernn,l1", "--strengths", "sernn=0.1:0.1:1", "--strengths", "l1=0.001:0.001:1",
                "--set", "training.batch_size=7");
        assertEquals(0, result.exitCode(), result.err());
        for (String name : List.of("rate-sernn.yaml", "rate-l1.yaml")) {
            ModelConfig base = ConfigLoader.load(Path.of("models", name));
            ModelConfig copied = ConfigLoader.load(sweep.resolve("configs").resolve(name));
            assertEquals(7, copied.training().batchSize(), name);
            assertTrue(base.training().batchSize() != 7, name);
            assertEquals(base.withTraining(copied.training()), copied, name + ": only the batch size may change");
        }
        CliRunner.Result bad = CliRunner.run("sweep", "plan", "--out", dir.resolve("bad").toString(),
                "--networks", "rate", "--regularisers", "sernn", "--set", "training.batch=7");
        assertEquals(Main.USER_ERROR, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("training.batch"), bad.err());
    }

    @Test
    void compareRefusesSetOnCheckpointsAndSweepFolders() throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir.resolve("a"));
        java.nio.file.Files.createDirectories(dir.resolve("b"));
        CliRunner.Result folders = CliRunner.run("compare", dir.resolve("a").toString(), dir.resolve("b").toString(),
                "--set", "training.epochs=2", "--out", dir.resolve("c").toString());
        assertEquals(Main.USER_ERROR, folders.exitCode(), folders.err());
        assertTrue(folders.err().contains("--set") && folders.err().contains("sweep folders"), folders.err());
    }

    @Test
    void anOverrideEqualsTheSameChangeMadeInJava() {
        ModelConfig config = ConfigLoader.load(Path.of("models/alif-sernn.yaml"));
        ModelConfig overridden = ConfigOverride.apply(config, List.of(ConfigOverride.parse("training.epochs=3")),
                "test");
        assertEquals(config.withTraining(config.training().withEpochs(3)), overridden);
    }

    @Test
    void mistakesNameTheKeyTheValueAndWhatIsAllowed() {
        ModelConfig config = ConfigLoader.load(Path.of("models/alif-sernn.yaml"));
        UserError unknown = assertThrows(UserError.class, () -> ConfigOverride.apply(config,
                List.of(ConfigOverride.parse("training.epoch=3")), "models/alif-sernn.yaml"));
        assertTrue(unknown.getMessage().contains("'training.epoch'") && unknown.getMessage().contains("epochs"),
                unknown.getMessage());
        assertThrows(UserError.class, () -> ConfigOverride.parse("training.epochs"));
        CliRunner.Result badValue = CliRunner.run("simulate", "models/alif-sernn.yaml", "--set",
                "training.epochs=many", "--out", dir.resolve("s").toString());
        assertEquals(Main.USER_ERROR, badValue.exitCode(), badValue.err());
        assertTrue(badValue.err().contains("training.epochs") && badValue.err().contains("many"), badValue.err());
    }

    @Test
    void trainTakesEpochsAndLambdaAsShorthands() {
        TrainingOptions options = new TrainingOptions();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            TrainingOptions mixin = options;
        }).parseArgs("--epochs", "2", "--lambda", "0.05");
        ModelConfig config = ConfigLoader.load(Path.of("models/alif-sernn.yaml"));
        ModelConfig viaShorthands = ConfigOverride.apply(config, options.overrides(), "test");
        ModelConfig viaSet = ConfigOverride.apply(config, List.of(ConfigOverride.parse("training.epochs=2"),
                ConfigOverride.parse("training.regulariser.lambda=0.05")), "test");
        assertEquals(viaSet, viaShorthands);
        assertEquals(2, viaShorthands.training().epochs());
        assertEquals(0.05, viaShorthands.training().regulariser().lambda());
    }
}
