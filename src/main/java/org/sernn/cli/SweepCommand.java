package org.sernn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import org.sernn.analysis.FunctionalMetrics;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.analysis.sweep.NetworkKind;
import org.sernn.analysis.sweep.StrengthRange;
import org.sernn.analysis.sweep.SweepFigures;
import org.sernn.analysis.sweep.SweepResults;
import org.sernn.analysis.sweep.SweepRow;
import org.sernn.analysis.sweep.SweepRun;
import org.sernn.analysis.sweep.SweepSummary;
import org.sernn.analysis.sweep.SweepTable;
import org.sernn.analysis.sweep.SweepTraining;
import org.sernn.io.AtomicFiles;
import org.sernn.model.RegulariserKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sernn sweep --out DIR}: trains networks over regularisation strengths, regulariser kinds and
 * network kinds on a pool of local threads (resumable), then writes DIR/results.csv and the figures.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Trains rate and spiking networks over regulariser strengths (resumable); writes DIR/results.csv "
                + "and figures.")
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Sweep directory (one folder per run).")
    Path out;

    @Option(names = "--models", defaultValue = "models",
            description = "Folder with rate-KIND.yaml and alif-KIND.yaml base configs (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--networks", split = ",", defaultValue = "rate,spiking",
            description = "Network kinds (default: ${DEFAULT-VALUE}).")
    List<NetworkKind> networks;

    @Option(names = "--regularisers", split = ",", defaultValue = "sernn,l1,spatial",
            description = "Regulariser kinds, trained in this order (default: ${DEFAULT-VALUE}).")
    List<RegulariserKind> regularisers;

    @Option(names = "--strengths", description = "Log-spaced strengths per regulariser, or per network and "
            + "regulariser: KIND=FROM:TO:COUNT or NETWORK.KIND=FROM:TO:COUNT, repeatable (defaults: sernn=0.01:0.3:8, "
            + "l1=1e-4:1e-2:8, spatial=1e-4:1e-2:4, spiking.l1=3e-4:3e-2:8).")
    Map<String, String> strengths = new java.util.LinkedHashMap<>();

    @Option(names = "--seeds", defaultValue = "1", description = "Seeds per strength (1..N; default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", description = "Override the configs' epoch count.")
    Integer epochs;

    @Option(names = "--threads", defaultValue = "2",
            description = "Runs trained in parallel; ND4J uses one thread per run when above 1 (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--nulls", defaultValue = "200", description = "Random graphs per network for sigma "
            + "(default: ${DEFAULT-VALUE}).")
    int nulls;

    @Option(names = "--trials", defaultValue = "128", description = "Maze trials per network for the functional "
            + "metrics; 0 skips them (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--permutations", defaultValue = "200", description = "Permutations of the spatial clustering "
            + "test (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--min-accuracy", defaultValue = "0.9", description = "Validation accuracy a network needs for the "
            + "filtered comparison (the paper kept >= 0.9; default: ${DEFAULT-VALUE}).")
    double minAccuracy;

    @Option(names = "--match-ratio", defaultValue = "1.25", description = "Largest ratio of total |W| between a "
            + "seRNN network and its matched L1 network (default: ${DEFAULT-VALUE}).")
    double matchRatio;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the analysis (trials, nulls, permutations; "
            + "training seeds are 1..--seeds) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-train", description = "Only analyse the runs already finished (e.g. while another "
            + "process trains).")
    boolean noTrain;

    @Override
    public Integer call() throws java.io.IOException {
        OutputPaths.folder("--out", out);
        if (threads < 1 || seeds < 1 || nulls < 1 || permutations < 1 || trials < 0 || !(matchRatio >= 1)) {
            throw new org.sernn.UserError("sweep: --threads, --seeds, --nulls and --permutations must be at least 1, "
                    + "--trials at least 0 and --match-ratio at least 1");
        }
        if (threads > 1) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        }
        List<SweepRun> runs = plan();
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "sweep: %d runs in %s on %d threads%n", runs.size(), out, threads);
        int trained = noTrain ? 0 : new SweepTraining(models, out, epochs, System.out).trainAll(runs, threads);
        if (!noTrain) {
            System.out.printf(Locale.ROOT, "sweep: trained %d runs (%d already done) in %.1f s%n", trained,
                    runs.size() - trained, (System.nanoTime() - start) / 1e9);
        }
        ModelAnalysis.Options options = new ModelAnalysis.Options(StructuralMetrics.Options.defaults(seed)
                .withNulls(nulls), FunctionalMetrics.Options.defaults(seed).withPermutations(permutations), trials, seed);
        List<SweepRow> rows = SweepResults.collect(out, runs, options, threads);
        SweepTable.write(out.resolve(SweepTable.FILE), rows);
        List<String> kinds = networks.stream().map(NetworkKind::label).toList();
        AtomicFiles.write(out.resolve("metric_vs_strength.png"), s -> s.write(SweepFigures.againstStrength(rows, kinds)));
        AtomicFiles.write(out.resolve("metric_vs_sparsity.png"), s -> s.write(SweepFigures.againstSparsity(rows, kinds)));
        String headline = SweepSummary.markdown(rows, kinds, minAccuracy, matchRatio);
        AtomicFiles.writeString(out.resolve("headline.md"), headline);
        System.out.print(headline);
        System.out.printf(Locale.ROOT, "sweep: %d analysed runs in %s (results.csv, headline.md, figures); %.1f s in "
                + "all%n", rows.size(), out, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    List<SweepRun> plan() {
        List<SweepRun> runs = new ArrayList<>();
        for (RegulariserKind regulariser : regularisers) {
            for (NetworkKind network : networks) {
                for (double lambda : range(network, regulariser).values()) {
                    for (long seed = 1; seed <= seeds; seed++) {
                        runs.add(new SweepRun(network, regulariser, lambda, seed));
                    }
                }
            }
        }
        return runs;
    }

    private StrengthRange range(NetworkKind network, RegulariserKind regulariser) {
        String kind = regulariser.name().toLowerCase(Locale.ROOT);
        String specific = strengths.get(network.label() + "." + kind);
        String general = strengths.get(kind);
        String text = specific != null ? specific : general != null ? general : defaultRange(network, regulariser);
        return StrengthRange.parse(text, "--strengths " + kind);
    }

    private static String defaultRange(NetworkKind network, RegulariserKind regulariser) {
        Map<RegulariserKind, String> defaults = new EnumMap<>(RegulariserKind.class);
        defaults.put(RegulariserKind.SERNN, "0.01:0.3:8");
        defaults.put(RegulariserKind.L1, network == NetworkKind.SPIKING ? "3e-4:3e-2:8" : "1e-4:1e-2:8");
        defaults.put(RegulariserKind.SPATIAL, "1e-4:1e-2:4");
        defaults.put(RegulariserKind.COMMUNICABILITY, "1e-4:1e-2:4");
        String text = defaults.get(regulariser);
        if (text == null) {
            throw new org.sernn.UserError("--regularisers " + regulariser.name().toLowerCase(Locale.ROOT)
                    + ": no strength to sweep; use sernn, l1, spatial or communicability");
        }
        return text;
    }
}
