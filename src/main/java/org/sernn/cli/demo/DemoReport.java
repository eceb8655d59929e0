package org.sernn.cli.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sernn.Version;
import org.sernn.analysis.plots.TrainingFigures;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.report.HtmlReport;
import org.sernn.report.ReportSection;
import org.sernn.sim.ActivityStats;
import org.sernn.sim.Recording;
import org.sernn.train.Trainer;

/**
 * The demo's report.html as a narrative: run metadata, then one section per step, each saying what it
 * shows and what to look for, a caption under every figure, and links to every file the run wrote.
 */
public final class DemoReport {
    private DemoReport() {
    }

    /** What the demo measured on its fresh trials, for the simulation section. */
    public record Simulation(Recording recording, int trials, double accuracy, double eventSeconds,
            double denseSeconds, boolean identical) {
    }

    public static void write(Path out, String command, ModelConfig config, int epochs, Trainer.Result trained,
            Simulation simulation, List<ReportSection> sections) throws IOException {
        Network network = trained.network();
        HtmlReport report = new HtmlReport("sernn demo: " + config.name());
        report.header(metadata(command, config));
        report.paragraph(String.format(Locale.ROOT, "This page follows one run of sernn from training to hardware. "
                + "A spiking seRNN of %d adaptive (ALIF) and leaky (LIF) integrate-and-fire units placed on a 5 x 5 x 4 "
                + "grid learns the maze task (remember a goal, then choose a direction) for %d epochs with "
                + "surrogate-gradient BPTT, while the seRNN cost (lambda %.3g) penalises long, strongly "
                + "communicating connections (Achterberg, Akarca et al. 2023). The sections below show whether it "
                + "learned, how it fires, what structure the cost produced, and what it would cost on hardware.",
                network.nRec(), epochs, config.training().regulariser().lambda()));

        report.section(new ReportSection("Training", List.of("How the loss terms and accuracies moved over the "
                + "epochs. Look for the task loss falling and validation accuracy rising together; the "
                + "regulariser term grows in weight as the weights organise; a flat or falling firing rate means the "
                + "rate penalty is holding the network in a sparse regime."), Map.of("Result", Map.of(
                "validation accuracy", String.format(Locale.ROOT, "%.3f", trained.validationAccuracy()),
                "test accuracy", String.format(Locale.ROOT, "%.3f", trained.testAccuracy()))),
                Map.of("Learning curves from train/metrics.csv: loss components on a log axis (left), training and "
                        + "validation accuracy (middle), mean firing rate of the recurrent units (right).",
                        TrainingFigures.learningCurves(trained.metricsRows(), true).png())));

        Recording recording = simulation.recording();
        Map<String, String> run = new LinkedHashMap<>();
        run.put("accuracy on " + simulation.trials() + " fresh trials", String.format(Locale.ROOT, "%.3f",
                simulation.accuracy()));
        run.put("mean firing rate", String.format(Locale.ROOT, "%.2f Hz",
                ActivityStats.meanRateHz(recording, network.neurons().dtMs())));
        run.put("spikes; synaptic events", recording.counts().spikes() + "; " + recording.counts().synapticEvents());
        run.put("wall time, event engine; dense engine", String.format(Locale.ROOT, "%.3f s; %.3f s",
                simulation.eventSeconds(), simulation.denseSeconds()));
        run.put("the two engines give identical spikes", simulation.identical() ? "yes" : "NO");
        report.section(new ReportSection("Simulation", List.of("The trained network run on trials it has not seen, "
                + "on the event-driven and the dense engine. The two engines must give the same spikes; the raster "
                + "shows one trial: look for activity that follows the goal cue, persists through the delay and "
                + "separates the readouts inside the shaded loss window."), Map.of("Fresh trials", run),
                Map.of("Trial 0 of the fresh trials (simulation/raster.png): input channels, spikes of every unit "
                        + "(ALIF and LIF in two colours), population rate in bins of a hundredth of the trial, and "
                        + "the readouts with the loss window shaded; lines mark the task phases.",
                        Files.readAllBytes(out.resolve("raster.png")))));
        sections.forEach(report::section);
        report.links("Files of this run", files(out));
        report.write(out.resolve("report.html"));
    }

    private static Map<String, String> metadata(String command, ModelConfig config) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sernn version", Version.current());
        meta.put("command", command);
        meta.put("model", config.name() + " (seed " + config.seed() + "; fresh trials seed " + (config.seed() + 1000)
                + ")");
        meta.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("machine", machine());
        return meta;
    }

    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return String.format(Locale.ROOT, "%s; %s %s; %d cores; Java %s", host, System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }

    /** Every file under {@code out} but the page itself, relative to it, with what it holds. */
    private static Map<String, String> files(Path out) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                String relative = out.relativize(file).toString().replace('\\', '/');
                if (!relative.equals("report.html")) {
                    files.put(relative, describe(file.getFileName().toString()));
                }
            });
        }
        return files;
    }

    private static String describe(String name) {
        if (name.endsWith(".nir")) {
            return "the trained network in the Neuromorphic Intermediate Representation";
        } else if (name.endsWith(".npz")) {
            return name.startsWith("epoch") ? "checkpoint after that epoch" : "arrays (numpy .npz)";
        } else if (name.endsWith(".svg")) {
            return "vector version of the figure of the same name";
        } else if (name.endsWith(".png")) {
            return "figure";
        } else if (name.endsWith(".csv")) {
            return "one row per epoch";
        } else if (name.endsWith(".json")) {
            return "machine-readable results with provenance";
        } else if (name.endsWith(".md")) {
            return "table in Markdown";
        }
        return "written by the run";
    }
}
