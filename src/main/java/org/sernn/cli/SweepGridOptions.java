package org.sernn.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.analysis.sweep.NetworkKind;
import org.sernn.analysis.sweep.PlanEntry;
import org.sernn.analysis.sweep.SweepPlanner;
import org.sernn.model.RegulariserKind;
import picocli.CommandLine.Option;

/** The grid of a sweep (shared by {@code sweep} and {@code sweep plan}). */
final class SweepGridOptions {
    @Option(names = "--models", defaultValue = "models",
            description = "Folder with rate-KIND.yaml and alif-KIND.yaml base configs (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--config", description = "Base config of one network kind and regulariser instead of "
            + "--models' file: NETWORK.KIND=FILE, repeatable (e.g. rate.sernn=models/rate-sernn-keras.yaml).")
    Map<String, Path> configs = new LinkedHashMap<>();

    @Option(names = "--networks", split = ",", defaultValue = "rate,spiking",
            description = "Network kinds (default: ${DEFAULT-VALUE}).")
    List<NetworkKind> networks;

    @Option(names = "--regularisers", split = ",", defaultValue = "sernn,l1,spatial",
            description = "Regulariser kinds (default: ${DEFAULT-VALUE}).")
    List<RegulariserKind> regularisers;

    @Option(names = "--strengths", description = "Strengths per regulariser, or per network and regulariser: "
            + "KIND=FROM:TO:COUNT[:lin] or NETWORK.KIND=FROM:TO:COUNT[:lin] (log-spaced unless :lin), repeatable "
            + "(defaults: sernn=0.01:0.3:8, l1=1e-4:1e-2:8, spatial=1e-4:1e-2:4, spiking.l1=3e-4:3e-2:8).")
    Map<String, String> strengths = new LinkedHashMap<>();

    @Option(names = "--seeds", defaultValue = "1", description = "Seeds per strength (1..N; default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", description = "Override the configs' epoch count.")
    Integer epochs;

    @Option(names = "--nulls", defaultValue = "200", description = "Random graphs per network for sigma "
            + "(default: ${DEFAULT-VALUE}).")
    int nulls;

    @Option(names = "--trials", defaultValue = "128", description = "Maze trials per network for the functional "
            + "metrics; 0 skips them (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--permutations", defaultValue = "200", description = "Permutations of the spatial clustering "
            + "test (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the analysis (trials, nulls, permutations; "
            + "training seeds are 1..--seeds) (default: ${DEFAULT-VALUE}).")
    long seed;

    SweepPlanner planner() {
        if (seeds < 1 || nulls < 1 || permutations < 1 || trials < 0 || epochs != null && epochs < 1) {
            throw new UserError("sweep: --seeds, --nulls, --permutations and --epochs must be at least 1 and --trials "
                    + "at least 0");
        }
        for (String key : configs.keySet()) {
            if (!key.matches("(rate|spiking)\\.(sernn|l1|spatial|communicability)")) {
                throw new UserError("--config " + key + "=...: expected NETWORK.KIND with NETWORK rate or spiking and "
                        + "KIND sernn, l1, spatial or communicability");
            }
        }
        return new SweepPlanner(models, configs, networks, regularisers, strengths, seeds, epochs,
                new PlanEntry.AnalysisSettings(nulls, trials, permutations, seed));
    }
}
