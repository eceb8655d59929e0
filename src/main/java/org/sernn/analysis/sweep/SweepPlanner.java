package org.sernn.analysis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.model.RegulariserKind;

/**
 * Turns a grid (network kinds x regularisers x strengths x seeds) into a plan: one entry per run, in
 * the order regulariser, network kind, strength, seed; the base configs (models/PREFIX-KIND.yaml, or
 * the file given for NETWORK.KIND) are copied into the sweep folder's {@code configs/} so that the
 * folder alone defines the sweep.
 */
public record SweepPlanner(Path models, Map<String, Path> configs, List<NetworkKind> networks,
        List<RegulariserKind> regularisers, Map<String, String> strengths, int seeds, Integer epochs,
        PlanEntry.AnalysisSettings analysis) {
    public static final String CONFIGS = "configs";

    public SweepPlan plan() {
        List<PlanEntry> entries = new ArrayList<>();
        for (RegulariserKind regulariser : regularisers) {
            for (NetworkKind network : networks) {
                for (double lambda : range(network, regulariser).values()) {
                    for (long seed = 1; seed <= seeds; seed++) {
                        entries.add(new PlanEntry(entries.size(), new SweepRun(network, regulariser, lambda, seed),
                                epochs, CONFIGS + "/" + configName(network, regulariser), analysis));
                    }
                }
            }
        }
        return new SweepPlan(List.copyOf(entries));
    }

    /**
     * Writes DIR/plan.csv and DIR/configs/*.yaml. Planning a folder again with the same grid and configs
     * changes nothing (a sweep resumes); a different grid or config is refused, because finished runs
     * would no longer match their plan line.
     */
    public SweepPlan writeTo(Path dir) throws IOException {
        SweepPlan plan = plan();
        Path planFile = dir.resolve(SweepPlan.FILE);
        if (Files.exists(planFile) && !Files.readString(planFile).equals(plan.csv())) {
            throw new UserError(planFile + ": exists with another plan; use these options on a new --out folder, or "
                    + "the options that planned it");
        }
        Files.createDirectories(dir.resolve(CONFIGS));
        for (NetworkKind network : networks) {
            for (RegulariserKind regulariser : regularisers) {
                copyConfig(dir, network, regulariser);
            }
        }
        plan.write(dir);
        return plan;
    }

    private void copyConfig(Path dir, NetworkKind network, RegulariserKind regulariser) throws IOException {
        String name = configName(network, regulariser);
        Path given = configs.get(network.label() + "." + regulariser.name().toLowerCase(Locale.ROOT));
        Path source = given != null ? given : models.resolve(name);
        if (!Files.exists(source)) {
            throw new UserError(source + ": no such config; --models DIR must hold rate-KIND.yaml and alif-KIND.yaml "
                    + "for every network kind and regulariser swept, or --config NETWORK.KIND=FILE name it");
        }
        Path copy = dir.resolve(CONFIGS).resolve(name);
        byte[] bytes = Files.readAllBytes(source);
        if (Files.exists(copy) && !Arrays.equals(Files.readAllBytes(copy), bytes)) {
            throw new UserError(copy + ": differs from " + source + "; this sweep was planned with another config "
                    + "(use a new --out folder)");
        }
        org.sernn.io.AtomicFiles.write(copy, out -> out.write(bytes));
    }

    static String configName(NetworkKind network, RegulariserKind regulariser) {
        return network.configPrefix() + "-" + regulariser.name().toLowerCase(Locale.ROOT) + ".yaml";
    }

    private StrengthRange range(NetworkKind network, RegulariserKind regulariser) {
        String kind = regulariser.name().toLowerCase(Locale.ROOT);
        String specific = strengths.get(network.label() + "." + kind);
        String general = strengths.get(kind);
        String text = specific != null ? specific : general != null ? general : defaultRange(network, regulariser);
        return StrengthRange.parse(text, "--strengths " + (specific != null ? network.label() + "." : "") + kind);
    }

    private static String defaultRange(NetworkKind network, RegulariserKind regulariser) {
        Map<RegulariserKind, String> defaults = new EnumMap<>(RegulariserKind.class);
        defaults.put(RegulariserKind.SERNN, "0.01:0.3:8");
        defaults.put(RegulariserKind.L1, network == NetworkKind.SPIKING ? "3e-4:3e-2:8" : "1e-4:1e-2:8");
        defaults.put(RegulariserKind.SPATIAL, "1e-4:1e-2:4");
        defaults.put(RegulariserKind.COMMUNICABILITY, "1e-4:1e-2:4");
        String text = defaults.get(regulariser);
        if (text == null) {
            throw new UserError("--regularisers " + regulariser.name().toLowerCase(Locale.ROOT)
                    + ": no strength to sweep; use sernn, l1, spatial or communicability");
        }
        return text;
    }
}
