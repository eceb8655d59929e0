package org.sernn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sernn.model.ConfigOverride;
import picocli.CommandLine.Option;

/** The picocli mixin of verbs that train from a config: {@code --epochs} and {@code --lambda} as --set shorthands. */
public final class TrainingOptions {
    @Option(names = "--epochs", description = "Training epochs (default: the config's training.epochs).")
    Integer epochs;

    @Option(names = "--lambda", description = "Regulariser strength (default: the config's "
            + "training.regulariser.lambda).")
    Double lambda;

    /** The same overrides as {@code --set training.epochs=N --set training.regulariser.lambda=X}. */
    public List<ConfigOverride> overrides() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (epochs != null) {
            overrides.add(new ConfigOverride("training.epochs", Integer.toString(epochs)));
        }
        if (lambda != null) {
            overrides.add(new ConfigOverride("training.regulariser.lambda", String.format(Locale.ROOT, "%s", lambda)));
        }
        return overrides;
    }
}
