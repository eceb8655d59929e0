package org.sernn.hardware;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sernn.UserError;
import org.sernn.util.plot.FigureFiles;
import org.sernn.io.AtomicFiles;
import org.sernn.model.Network;
import org.sernn.model.JsonReport;
import org.sernn.train.TaskTrials;

/**
 * The energy side of {@code compare}: a rate network on von Neumann targets (cpu, gpu, ...)
 * against a spiking network on each neuromorphic target, on the same task and the same trials:
 * accuracy (mean over device seeds), energy per inference (low / point / high), NeuroBench metrics,
 * and for every pair the range of E_rate / E_spiking with the terms that dominate each side, flagged
 * when one side's figures are system-level and the other's core-level (docs/energy.md). A network
 * that does not fit a target gets its energy estimate, no accuracy, and the reason.
 */
public final class EnergyComparison {
    private EnergyComparison() {
    }

    /** One network on one target. */
    public record Row(String model, boolean spiking, String profile, boolean fits, String problem, Double accuracyMean,
            Double accuracyStd, EnergyBreakdown energy, NeuroBenchMetrics neurobench) {
        Map<String, Object> toReport() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("model", model);
            map.put("profile", profile);
            map.put("fits", fits);
            map.put("problem", problem);
            map.put("accuracy_mean", accuracyMean);
            map.put("accuracy_std", accuracyStd);
            map.putAll(energy.toReport());
            map.put("neurobench", neurobench.toReport());
            return map;
        }
    }

    /** The rows for the rate network on each baseline and the spiking network on each neuromorphic target. */
    public static List<Row> measure(Network rate, Network spiking, List<HardwareProfile> baselines,
            List<HardwareProfile> neuromorphic, int trials, int seeds, long seed, PlacementOptions placement) {
        if (rate.neurons().type().isSpiking() || !spiking.neurons().type().isSpiking()) {
            throw new UserError("energy comparison needs a rate model first and a spiking model second");
        }
        String rateTask = rate.config().task() == null ? null : rate.config().task().name();
        String spikingTask = spiking.config().task() == null ? null : spiking.config().task().name();
        if (rateTask == null || !rateTask.equals(spikingTask)) {
            throw new UserError("both models must be trained on the same task; they have " + rateTask + " and "
                    + spikingTask);
        }
        List<Row> rows = new ArrayList<>();
        for (HardwareProfile profile : baselines) {
            rows.add(row(rate, profile, trials, seeds, seed, placement));
        }
        for (HardwareProfile profile : neuromorphic) {
            rows.add(row(spiking, profile, trials, seeds, seed, placement));
        }
        return rows;
    }

    private static Row row(Network network, HardwareProfile profile, int trials, int seeds, long seed,
            PlacementOptions placement) {
        Deployment deployment = new Deployment(network, new HardwareTarget(profile),
                TaskTrials.draw(network.config(), trials, seed));
        List<String> problems = ChipFit.problems(network, profile);
        Double mean = null;
        Double std = null;
        if (problems.isEmpty()) {
            Deployment.SeedAccuracy accuracy = deployment.accuracy(seeds, seed, 1.0, true);
            mean = accuracy.mean();
            std = accuracy.std();
        }
        Deployment.Estimate estimate = deployment.estimate(seed, placement);
        return new Row(network.config().name(), network.neurons().type().isSpiking(), profile.name(), problems.isEmpty(),
                problems.isEmpty() ? null : String.join("; ", problems), mean, std, estimate.energy(),
                estimate.neurobench());
    }

    /** E_rate / E_spiking of one pair: its range and the terms that dominate each side. */
    public record Ratio(Row rate, Row spiking, EnergyRange ratio) {
        /** Like for like only when both profiles' figures cover the same level (core or system). */
        public boolean sameLevel() {
            return rate.energy().level().equals(spiking.energy().level()) && !rate.energy().level().equals("unstated");
        }

        Map<String, Object> toReport() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rate_on", rate.profile());
            map.put("spiking_on", spiking.profile());
            map.put("energy_ratio_rate_over_spiking", ratio.toReport());
            map.put("levels", rate.energy().level() + " / " + spiking.energy().level());
            map.put("rate_dominant_terms", dominant(rate.energy()));
            map.put("spiking_dominant_terms", dominant(spiking.energy()));
            return map;
        }
    }

    /** The three largest terms of a breakdown with their share of the point total. */
    public static String dominant(EnergyBreakdown energy) {
        double total = energy.totalJoules().point();
        return String.join(", ", energy.dominantTerms(3).stream().filter(t -> t.joules().point() > 0)
                .map(t -> String.format(Locale.ROOT, "%s %.0f%%", t.name(), 100 * t.joules().point() / total))
                .toList());
    }

    /** E_rate / E_spiking for every (baseline row, neuromorphic row) pair. */
    public static List<Ratio> ratios(List<Row> rows) {
        List<Ratio> ratios = new ArrayList<>();
        for (Row baseline : rows) {
            if (baseline.spiking()) {
                continue;
            }
            for (Row chip : rows) {
                if (chip.spiking()) {
                    ratios.add(new Ratio(baseline, chip, baseline.energy().totalJoules()
                            .dividedBy(chip.energy().totalJoules())));
                }
            }
        }
        return ratios;
    }

    /** Every profile of a kind in a directory of profiles, sorted by file name. */
    public static List<HardwareProfile> profilesOfKind(Path directory, HardwareProfile.Kind kind) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted()
                    .map(HardwareProfiles::load).filter(p -> p.kind() == kind).toList();
        } catch (IOException e) {
            throw new UserError(directory + ": cannot list hardware profiles: " + e.getMessage());
        }
    }

    /** The rows and the energy ratios as Markdown tables. */
    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder("| model | target | level | accuracy | energy per inference (J), "
                + "low / point / high | dominant terms | fits |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            EnergyRange total = row.energy().totalJoules();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3g / %.3g / %.3g | %s | %s |%n", row.model(),
                    row.profile(), row.energy().level(), row.accuracyMean() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.4f +- %.4f", row.accuracyMean(), row.accuracyStd()),
                    total.low(), total.point(), total.high(), dominant(row.energy()),
                    row.fits() ? "yes" : "no: " + row.problem()));
        }
        md.append("\n| rate on | spiking on | E_rate / E_spiking, low - point - high | levels | rate side | "
                + "spiking side |\n|---|---|---|---|---|---|\n");
        for (Ratio ratio : ratios(rows)) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3g - %.3g - %.3g | %s%s | %s | %s |%n",
                    ratio.rate().profile(), ratio.spiking().profile(), ratio.ratio().low(), ratio.ratio().point(),
                    ratio.ratio().high(), ratio.rate().energy().level() + " / " + ratio.spiking().energy().level(),
                    ratio.sameLevel() ? "" : " (not like for like)", dominant(ratio.rate().energy()),
                    dominant(ratio.spiking().energy())));
        }
        md.append("\n").append(NeuroBenchTable.markdown(rows));
        return md.toString();
    }

    /** Writes energy-compare.json, energy-compare.md and energy-compare.png into {@code out}; prints the table. */
    public static void write(List<Row> rows, Network rate, Network spiking, long seed, Path out, PrintStream log)
            throws IOException {
        Files.createDirectories(out);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("rate_model", rate.config().name());
        fields.put("spiking_model", spiking.config().name());
        fields.put("rows", rows.stream().map(Row::toReport).toList());
        fields.put("ratios", ratios(rows).stream().map(Ratio::toReport).toList());
        JsonReport.write(out.resolve("energy-compare.json"), JsonReport.withProvenance(fields, spiking.config(), seed));
        String md = "# Energy per inference: " + rate.config().name() + " vs " + spiking.config().name() + "\n\n"
                + markdown(rows);
        AtomicFiles.writeString(out.resolve("energy-compare.md"), md);
        FigureFiles.write(DeployPlots.energyBreakdown("energy per inference, by term", rows.stream()
                .map(r -> r.model() + " on " + r.profile()).toList(), rows.stream().map(Row::energy).toList()),
                out, "energy-compare");
        log.print(md);
    }
}
