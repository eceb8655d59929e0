package org.sernn.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.sernn.cli.DeployReport;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.HardwareProfile;
import org.sernn.hardware.HardwareProfiles;
import org.sernn.io.BundledResources;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.report.ReportSection;
import org.sernn.train.Trainer;

/**
 * The demo's hardware step: deploy the trained spiking seRNN on loihi and pcm-crossbar, train a
 * rate seRNN (models/rate-sernn.yaml, fewer epochs) and print the energy per inference of the
 * spiking network on loihi against the rate network on both CPU baselines (cpu, cpu-horowitz45).
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
        DeployReport.run(trained, loihi, TRIALS, DEVICE_SEEDS, seed, out.resolve("deploy-loihi"), log);
        DeployReport.run(trained, HardwareProfiles.bundled("pcm-crossbar"), TRIALS, DEVICE_SEEDS, seed,
                out.resolve("deploy-pcm-crossbar"), log);

        ModelConfig rateLoaded = ConfigLoader.fromYaml(BundledResources.text(RATE_MODEL), "embedded " + RATE_MODEL);
        ModelConfig rateConfig = rateLoaded.withTraining(rateLoaded.training().withEpochs(RATE_EPOCHS));
        log.println("hardware 2/2: training the rate seRNN (" + RATE_MODEL + ", " + RATE_EPOCHS + " epochs) for the energy "
                + "comparison");
        Trainer.Result rate = new Trainer(NetworkFactory.build(rateConfig, Path.of(".")), out.resolve("rate-train"),
                log, false).run(false);
        List<EnergyComparison.Row> rows = EnergyComparison.measure(rate.network(), trained,
                List.of(HardwareProfiles.bundled("cpu"), HardwareProfiles.bundled("cpu-horowitz45")), List.of(loihi),
                TRIALS, DEVICE_SEEDS, seed);
        EnergyComparison.write(rows, rate.network(), trained, seed, out.resolve("energy-compare"), log);
        double loihiJoules = rows.get(2).energy().totalJoules();
        String summary = String.format(Locale.ROOT, "Estimated energy per inference: the spiking seRNN on loihi "
                + "%.3g J against the rate seRNN on a CPU: %.3g J (%.0fx) with the cpu profile, %.3g J (%.2gx) with "
                + "cpu-horowitz45. The ratio depends mostly on the CPU baseline chosen, so read it as a range, not a "
                + "single number.", loihiJoules, rows.get(0).energy().totalJoules(),
                rows.get(0).energy().totalJoules() / loihiJoules, rows.get(1).energy().totalJoules(),
                rows.get(1).energy().totalJoules() / loihiJoules);
        log.println("   " + summary);
        String caveat = "What the estimate leaves out: it counts synaptic operations, neuron updates, spike routing "
                + "and static power from per-operation energies of each profile (see docs/energy.md); memory "
                + "traffic, input encoding, host communication and idle chips are not counted, and the profiles' "
                + "per-operation figures come from different process nodes and publications.";
        Map<String, String> table = new LinkedHashMap<>();
        for (EnergyComparison.Row row : rows) {
            table.put(row.model() + " on " + row.profile(), String.format(Locale.ROOT, "%.4g J, accuracy %.3f",
                    row.energy().totalJoules(), row.accuracyMean()));
        }
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("Energy per inference by term (log axis) for the rate seRNN on both CPU baselines and the spiking "
                + "seRNN on loihi; a term that is zero has no bar (hardware/energy-compare/energy-compare.png).",
                Files.readAllBytes(out.resolve("energy-compare").resolve("energy-compare.png")));
        images.put("Accuracy of the spiking seRNN on pcm-crossbar against time since programming: each device seed "
                + "as a point, their mean as a line, with and without global drift compensation; the dashed line is "
                + "the accuracy as trained (hardware/deploy-pcm-crossbar/drift.png).",
                Files.readAllBytes(out.resolve("deploy-pcm-crossbar").resolve("drift.png")));
        return new ReportSection("Energy and hardware", List.of("What the trained network would cost and how well it "
                + "would work on hardware: an energy estimate per inference, and accuracy on a phase-change-memory "
                + "crossbar as its conductances drift. Look at the range between the two CPU baselines and at how "
                + "fast accuracy falls without compensation.", summary, caveat), Map.of("Energy per inference "
                + "(estimate)", table), images);
    }
}
