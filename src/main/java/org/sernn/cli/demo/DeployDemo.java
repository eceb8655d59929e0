package org.sernn.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.sernn.cli.DeployReport;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.EnergyRange;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareProfiles;
import org.sernn.hardware.PlacementOptions;
import org.sernn.io.BundledResources;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.report.ReportSection;
import org.sernn.train.Trainer;

/**
 * The demo's hardware step: deploy the trained spiking seRNN on loihi and pcm-crossbar, train a
 * rate seRNN (models/rate-sernn.yaml, fewer epochs) and compare the energy per inference of the
 * rate network on cpu-horowitz45 with the spiking network on snn-horowitz45 (same technology and
 * memory model) and on loihi, as ranges with their dominant terms.
 */
public final class DeployDemo {
    static final String RATE_MODEL = "models/rate-sernn.yaml";
    /** models/rate-sernn.yaml (seed 1) reaches validation accuracy 1.0 at epoch 6; 3 epochs stay near 0.76. */
    static final int RATE_EPOCHS = 7;
    static final int TRIALS = 256;
    static final int DEVICE_SEEDS = 3;

    private DeployDemo() {
    }

    /** Runs the step and returns its section of the demo's report (energy table and plots). */
    public static ReportSection run(Network trained, Path out, PrintStream log) throws IOException {
        long seed = trained.config().seed();
        log.println("hardware 1/2: deploying the spiking seRNN on loihi and pcm-crossbar (" + TRIALS + " trials, " + DEVICE_SEEDS
                + " device seeds)");
        HardwareProfile loihi = HardwareProfiles.bundled("loihi");
        DeployReport.run(trained, loihi, TRIALS, DEVICE_SEEDS, seed, PlacementOptions.DEFAULT,
                out.resolve("deploy-loihi"), log);
        DeployReport.run(trained, HardwareProfiles.bundled("pcm-crossbar"), TRIALS, DEVICE_SEEDS, seed,
                PlacementOptions.DEFAULT, out.resolve("deploy-pcm-crossbar"), log);

        ModelConfig rateLoaded = ConfigLoader.fromYaml(BundledResources.text(RATE_MODEL), "embedded " + RATE_MODEL);
        ModelConfig rateConfig = rateLoaded.withTraining(rateLoaded.training().withEpochs(RATE_EPOCHS));
        log.println("hardware 2/2: training the rate seRNN (" + RATE_MODEL + ", " + RATE_EPOCHS + " epochs) for the energy "
                + "comparison");
        Trainer.Result rate = new Trainer(NetworkFactory.build(rateConfig, Path.of(".")), out.resolve("rate-train"),
                log, false).run(false);
        List<EnergyComparison.Row> rows = EnergyComparison.measure(rate.network(), trained,
                List.of(HardwareProfiles.bundled("cpu-horowitz45")),
                List.of(HardwareProfiles.bundled("snn-horowitz45"), loihi), TRIALS, DEVICE_SEEDS, seed,
                PlacementOptions.DEFAULT);
        EnergyComparison.write(rows, rate.network(), trained, seed, out.resolve("energy-compare"), log);
        List<String> summary = new ArrayList<>();
        summary.add("Energy per inference, low - point - high, with the terms that dominate each side "
                + "(docs/energy.md says what is included and left out):");
        for (EnergyComparison.Ratio ratio : EnergyComparison.ratios(rows)) {
            summary.add(String.format(Locale.ROOT, "rate seRNN on %s vs spiking seRNN on %s: E_rate / E_spiking "
                    + "%.2g - %.2g - %.2g (%s vs %s figures; rate: %s; spiking: %s).", ratio.rate().profile(),
                    ratio.spiking().profile(), ratio.ratio().low(), ratio.ratio().point(), ratio.ratio().high(),
                    ratio.rate().energy().level(), ratio.spiking().energy().level(),
                    EnergyComparison.dominant(ratio.rate().energy()), EnergyComparison.dominant(ratio.spiking().energy())));
        }
        summary.add("pcm-crossbar: accuracy only; the profile gives no energy figures.");
        summary.forEach(line -> log.println("   " + line));
        Map<String, String> table = new LinkedHashMap<>();
        for (EnergyComparison.Row row : rows) {
            EnergyRange total = row.energy().totalJoules();
            table.put(row.model() + " on " + row.profile(), String.format(Locale.ROOT, "%.3g J (%.3g - %.3g), "
                    + "accuracy %.3f", total.point(), total.low(), total.high(), row.accuracyMean()));
        }
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("Share of each energy term in the point estimate, per target, labelled with the point total "
                + "(hardware/energy-compare/energy-compare.png; the ranges are in energy-compare.json).",
                Files.readAllBytes(out.resolve("energy-compare").resolve("energy-compare.png")));
        images.put("Accuracy of the spiking seRNN on pcm-crossbar against time since programming: each device seed "
                + "as a point, their mean as a line, with and without global drift compensation; the dashed line is "
                + "the accuracy as trained (hardware/deploy-pcm-crossbar/drift.png).",
                Files.readAllBytes(out.resolve("deploy-pcm-crossbar").resolve("drift.png")));
        List<String> paragraphs = new ArrayList<>(List.of("What the trained network would cost and how well it "
                + "would work on hardware: energy per inference as a range (low - point - high) with the terms "
                + "that dominate it, and accuracy on a phase-change-memory crossbar as its conductances drift. Read "
                + "the ratios as ranges, not single numbers, and look at how fast accuracy falls without "
                + "compensation."));
        paragraphs.addAll(summary);
        return new ReportSection("Energy and hardware", paragraphs, Map.of("Energy per inference (estimate)", table),
                images);
    }
}
