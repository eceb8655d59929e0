package org.sernn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import org.sernn.analysis.sweep.NetworkKind;
import org.sernn.analysis.sweep.StrengthRange;
import org.sernn.analysis.sweep.SweepRun;
import org.sernn.analysis.sweep.SweepTraining;
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

    @Override
    public Integer call() {
        if (threads < 1 || seeds < 1) {
            throw new org.sernn.UserError("--threads and --seeds must be at least 1 (were " + threads + " and " + seeds
                    + ")");
        }
        if (threads > 1) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        }
        List<SweepRun> runs = plan();
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "sweep: %d runs in %s on %d threads%n", runs.size(), out, threads);
        int trained = new SweepTraining(models, out, epochs, System.out).trainAll(runs, threads);
        System.out.printf(Locale.ROOT, "sweep: trained %d runs (%d already done) in %.1f s%n", trained,
                runs.size() - trained, (System.nanoTime() - start) / 1e9);
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
