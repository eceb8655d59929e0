package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.cli.demo.DemoAnalysis;
import org.sernn.cli.demo.DemoReport;
import org.sernn.cli.demo.DemoStep;
import org.sernn.cli.demo.DeployDemo;
import org.sernn.cli.demo.EpropDemo;
import org.sernn.cli.demo.ExportDemo;
import org.sernn.io.BundledResources;
import org.sernn.io.RunFolder;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.report.ReportSection;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.train.Evaluation;
import org.sernn.train.TaskTrials;
import org.sernn.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sernn demo}: the pipeline on the embedded default model (models/alif-sernn.yaml, bundled
 * in the jar): train the spatially embedded ALIF network on the maze task under the seRNN cost, run
 * the trained network on both engines, check that their rasters agree, show e-prop on the same model
 * ({@link EpropDemo}), and write runs/demo/ with the training runs, stats, spikes, a raster and
 * report.html.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Trains and runs the embedded default spiking seRNN; writes DIR/report.html.")
public final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_MODEL = "models/alif-sernn.yaml";
    /** The demo is a few minutes' showcase; longer runs are what {@code train} is for. */
    private static final int MAX_EPOCHS = 1000;
    private static final int MAX_TRIALS = 100_000;

    @Option(names = "--out", defaultValue = "runs/demo", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "4", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--trials", defaultValue = "64", description = "Test trials simulated (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() throws IOException {
        OutputPaths.folder("--out", out);
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new UserError("--epochs must be in [1, " + MAX_EPOCHS + "], was " + epochs);
        }
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new UserError("--trials must be in [1, " + MAX_TRIALS + "], was " + trials);
        }
        ModelConfig loaded = ConfigLoader.fromYaml(BundledResources.text(DEFAULT_MODEL), "embedded " + DEFAULT_MODEL);
        ModelConfig config = loaded.withTraining(loaded.training().withEpochs(epochs));
        Network initial = NetworkFactory.build(config, Path.of("."));
        DemoStep.TRAIN.announce(System.out, "training " + config.name() + " (" + initial.nRec()
                + " ALIF/LIF units on a 5 x 5 x 4 "
                + "grid) on the maze task for " + epochs + " epochs under the seRNN cost");
        Path trainDir = out.resolve("train");
        Trainer.Result trained;
        try (RunFolder folder = RunFolder.open(trainDir, RunFolder.Mode.OVERWRITE, Trainer.RUN_FILES, "--out")) {
            trained = new Trainer(initial, trainDir, System.out, true).run(false);
        }
        System.out.printf(Locale.ROOT, "   validation accuracy %.3f, test accuracy %.3f (%s)%n",
                trained.validationAccuracy(), trained.testAccuracy(), trainDir.resolve("model.npz"));
        DemoStep.DEPLOY.announce(System.out, "deploying on neuromorphic hardware profiles");
        ReportSection energy = DeployDemo.run(trained.network(), out.resolve("hardware"), System.out);

        DemoStep.SIMULATE.announce(System.out, "simulating " + trials
                + " fresh maze trials on the event and dense engines");
        Network network = trained.network();
        TaskTrials run = TaskTrials.draw(config, trials, config.seed() + 1000);
        Map<Engine, Recording> recordings = new LinkedHashMap<>();
        Map<Engine, Double> seconds = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            long start = System.nanoTime();
            recordings.put(engine, engine.simulator().run(network, run.input(), RecordOptions.SPIKES_ONLY));
            seconds.put(engine, (System.nanoTime() - start) / 1e9);
        }
        Recording event = recordings.get(Engine.EVENT);
        boolean identical = event.spikes().equals(recordings.get(Engine.DENSE).spikes());
        double accuracy = Evaluation.accuracy(event, run.labels(), run.lossMask());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("accuracy", accuracy);
        extra.put("engines_identical", identical);
        extra.put("dense_wall_time_seconds", seconds.get(Engine.DENSE));
        SimulationOutput.write(out, network, event, run, Engine.EVENT, seconds.get(Engine.EVENT), config.seed(), extra);
        SimulationOutput.printSummary(System.out, network, event, Engine.EVENT, seconds.get(Engine.EVENT), out);
        System.out.printf(Locale.ROOT, "   accuracy on these trials %.3f; dense engine %.3f s; rasters identical: %s%n",
                accuracy, seconds.get(Engine.DENSE), identical);

        // Report sections of the later demo steps, rendered in this order (one call per step).
        List<ReportSection> sections = new ArrayList<>();
        sections.add(energy);
        DemoStep.ANALYSE.announce(System.out, "structure and function of the trained network");
        sections.add(DemoAnalysis.section(network, trainDir, out.resolve("analysis"), config.seed()));
        DemoStep.EPROP.announce(System.out, "e-prop (Bellec et al. 2020) on the same model");
        List<String> eprop = new ArrayList<>(List.of("e-prop (Bellec et al. 2020) learns online from eligibility "
                + "traces instead of backpropagating through time. Look at how close its gradient is to BPTT's "
                + "and how far its accuracy gets in the same short run."));
        eprop.addAll(EpropDemo.run(config, out.resolve("eprop"), System.out));
        sections.add(new ReportSection("e-prop", eprop, Map.of(),
                Map.of()));
        DemoStep.EXPORT.announce(System.out, "exporting the trained network to NIR: "
                + out.resolve(ExportDemo.FILE_NAME));
        ExportDemo.run(network, out, System.out);
        DemoReport.write(out, "sernn demo --epochs " + epochs + " --trials " + trials + " --out " + out, config, epochs,
                trained, new DemoReport.Simulation(event, trials, accuracy, seconds.get(Engine.EVENT),
                        seconds.get(Engine.DENSE), identical), sections);
        System.out.println("report: " + out.resolve("report.html"));
        return identical ? 0 : 1;
    }
}
