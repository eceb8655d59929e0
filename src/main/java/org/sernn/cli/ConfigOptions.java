package org.sernn.cli;

import java.util.ArrayList;
import java.util.List;
import org.sernn.model.ConfigOverride;
import picocli.CommandLine.Option;

/** The picocli mixin of every verb that reads a model config: {@code --set key.path=value}, repeatable. */
public final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key, a dotted path (repeatable), "
            + "validated like the YAML file, e.g. --set training.epochs=3 --set training.regulariser.lambda=0.01. "
            + "Applies to configs only: a checkpoint's config is fixed by its trained weights.")
    List<String> assignments = new ArrayList<>();

    public List<ConfigOverride> overrides() {
        return assignments.stream().map(ConfigOverride::parse).toList();
    }
}
