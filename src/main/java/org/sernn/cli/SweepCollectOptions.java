package org.sernn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sernn.UserError;
import org.sernn.analysis.sweep.CollectSettings;
import picocli.CommandLine.Option;

/** How collect compares the regularisers (shared by {@code sweep}, {@code sweep plan} and {@code sweep collect}). */
final class SweepCollectOptions {
    @Option(names = "--min-accuracy", defaultValue = "0.9", description = "Validation accuracy a network needs for the "
            + "filtered comparison (the paper kept >= 0.9; default: ${DEFAULT-VALUE}).")
    double minAccuracy;

    @Option(names = "--match-tolerances", split = ",", defaultValue = "1.1,1.25", description = "Largest ratios of "
            + "the sparsity measure between a seRNN network and its matched control; one comparison per value "
            + "(default: ${DEFAULT-VALUE}).")
    List<Double> tolerances;

    @Option(names = "--bootstrap", defaultValue = "10000", description = "Bootstrap resamples for the confidence "
            + "intervals (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--stats-seed", defaultValue = "1", description = "Seed of the bootstrap (default: "
            + "${DEFAULT-VALUE}).")
    long statsSeed;

    CollectSettings settings() {
        if (tolerances.isEmpty() || tolerances.stream().anyMatch(t -> !(t >= 1)) || resamples < 100) {
            throw new UserError("sweep: --match-tolerances must be ratios >= 1 (e.g. 1.1,1.25) and --bootstrap at "
                    + "least 100, got " + tolerances + " and " + resamples);
        }
        return new CollectSettings(minAccuracy, tolerances, resamples, statsSeed);
    }

    /** The same options as command-line words, for the collect job of a Slurm sweep. */
    List<String> arguments() {
        List<String> words = new ArrayList<>();
        words.add("--min-accuracy=" + minAccuracy);
        words.add("--match-tolerances=" + String.join(",", tolerances.stream().map(t -> String.format(Locale.ROOT,
                "%s", t)).toList()));
        words.add("--bootstrap=" + resamples);
        words.add("--stats-seed=" + statsSeed);
        return words;
    }
}
