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

    @Test
    void everyVerbWithAModelOrConfigArgumentTakesSet() {
        List<String> withModel = new ArrayList<>();
        Main.commandLine().getSubcommands().forEach((name, sub) -> {
            boolean readsConfig = sub.getCommandSpec().positionalParameters().stream()
                    .anyMatch(p -> Set.of("MODEL", "CONFIG").contains(p.paramLabel()));
            if (readsConfig) {
                withModel.add(name);
                assertTrue(sub.getCommandSpec().findOption("--set") != null, name + " has no --set");
            }
        });
        assertEquals(List.of("simulate", "train", "grad", "deploy", "train-onchip", "export", "analyze"), withModel);
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
