package org.sernn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.util.plot.FigureFiles;
import org.sernn.hardware.ChipFit;
import org.sernn.hardware.DeployPlots;
import org.sernn.hardware.Deployment;
import org.sernn.hardware.EnergyBreakdown;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.EnergyRange;
import org.sernn.hardware.FixedPointState;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareTarget;
import org.sernn.hardware.PlacementOptions;
import org.sernn.model.Network;
import org.sernn.model.JsonReport;
import org.sernn.train.TaskTrials;

/**
 * The {@code deploy} measurement: accuracy over device seeds, the drift curve with and without
 * global compensation (crossbars), energy per inference with its breakdown; writes
 * {@code report.json} (with the NeuroBench metrics, the energy ranges and, on a mesh, the placement)
 * and {@code drift.png}/{@code drift.svg} (crossbars); a single target's energy is a number, not a one-bar figure.
 */
public final class DeployReport {
    private DeployReport() {
    }

    /** What a deployment measured, for callers that print or compare. */
    public record Summary(String profile, double floatAccuracy, Deployment.SeedAccuracy accuracy,
            EnergyBreakdown energy) {
    }

    public static Summary run(Network trained, HardwareProfile profile, int trialCount, int seeds, long seed,
            PlacementOptions placement, Path out, PrintStream log) throws IOException {
        HardwareTarget target = new HardwareTarget(profile);
        ChipFit.require(trained, profile);
        TaskTrials trials = TaskTrials.draw(trained.config(), trialCount, seed);
        Deployment deployment = new Deployment(trained, target, trials);
        Files.createDirectories(out);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("profile", profile.name());
        fields.put("trials", trialCount);
        fields.put("device_seeds", seeds);
        double floatAccuracy = deployment.floatAccuracy();
        Deployment.SeedAccuracy accuracy = deployment.accuracy(seeds, seed, 1.0, true);
        fields.put("float_accuracy", floatAccuracy);
        fields.put("accuracy_mean", accuracy.mean());
        fields.put("accuracy_std", accuracy.std());
        fields.put("accuracy_per_device_seed", accuracy.perSeed());
        fields.put("fixed_point_state", target.fixedPointState(trained).<Object>map(FixedPointState::toReport)
                .orElse("none (exact doubles)"));
        if (profile.crossbar() != null) {
            fields.put("crossbar_periphery", periphery(profile.crossbar().periphery()));
        }
        log.printf(Locale.ROOT, "%s: float accuracy %.4f; on %s %.4f +- %.4f over %d device seeds%n",
                trained.config().name(), floatAccuracy, profile.name(), accuracy.mean(), accuracy.std(), seeds);
        if (profile.crossbar() != null) {
            fields.put("drift", driftCurve(deployment, profile, seeds, seed, floatAccuracy, out, log));
        }
        Deployment.Estimate estimate = deployment.estimate(seed, placement);
        EnergyBreakdown energy = estimate.energy();
        fields.put("neurobench", estimate.neurobench().toReport());
        if (energy != null) {
            fields.put("energy", energy.toReport());
            if (energy.placement() != null) {
                fields.put("placement", energy.placement().toReport());
            }
            EnergyRange total = energy.totalJoules();
            log.printf(Locale.ROOT, "energy per inference on %s (%s-level figures): %.3g J (range %.3g - %.3g); "
                    + "dominant: %s%n", profile.name(), energy.level(), total.point(), total.low(), total.high(),
                    EnergyComparison.dominant(energy));
        } else {
            fields.put("energy", "profile " + profile.name() + " gives no energy figures");
        }
        JsonReport.write(out.resolve("report.json"), JsonReport.withProvenance(fields, trained.config(), seed));
        return new Summary(profile.name(), floatAccuracy, accuracy, energy);
    }

    private static Object periphery(HardwareProfile.Periphery p) {
        if (p == null) {
            return "ideal converters, no output noise";
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dac_bits", p.dacBits());
        map.put("adc_bits", p.adcBits());
        map.put("adc_bound", p.adcBound());
        map.put("output_noise", p.outputNoise());
        return map;
    }

    private static List<Map<String, Object>> driftCurve(Deployment deployment, HardwareProfile profile, int seeds,
            long seed, double floatAccuracy, Path out, PrintStream log) throws IOException {
        double[] times = Deployment.DRIFT_TIMES_SECONDS;
        double[][] compensatedPerSeed = new double[times.length][];
        double[][] rawPerSeed = new double[times.length][];
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            Deployment.SeedAccuracy compensated = deployment.accuracy(seeds, seed, times[i], true);
            Deployment.SeedAccuracy raw = deployment.accuracy(seeds, seed, times[i], false);
            compensatedPerSeed[i] = compensated.perSeed();
            rawPerSeed[i] = raw.perSeed();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seconds_since_programming", times[i]);
            row.put("accuracy_mean_compensated", compensated.mean());
            row.put("accuracy_std_compensated", compensated.std());
            row.put("accuracy_mean_uncompensated", raw.mean());
            row.put("accuracy_std_uncompensated", raw.std());
            rows.add(row);
            log.printf(Locale.ROOT, "  t = %.0f s: accuracy %.4f +- %.4f with drift compensation, %.4f +- %.4f "
                    + "without%n", times[i], compensated.mean(), compensated.std(), raw.mean(), raw.std());
        }
        FigureFiles.write(DeployPlots.driftCurve("accuracy on " + profile.name() + " over " + seeds + " device seeds",
                times, compensatedPerSeed, rawPerSeed, floatAccuracy), out, "drift");
        return rows;
    }
}
