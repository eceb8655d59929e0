package org.sernn.cli;

import java.util.ArrayList;
import java.util.List;
import org.sernn.model.ConfigOverride;
import picocli.CommandLine.Option;

/** The picocli mixin of every verb that reads a model config: {@code --set key.path=value}, repeatable. */
public final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", description = "Override one config key (repeatable), "
            + "validated like the YAML file, e.g. --set training.epochs=3 --set training.regulariser.lambda=0.01.")
    List<String> assignments = new ArrayList<>();

    public List<ConfigOverride> overrides() {
        return assignments.stream().map(ConfigOverride::parse).toList();
    }
}
