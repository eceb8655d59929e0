package org.sernn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;
import org.sernn.report.HtmlReport;
import org.sernn.sim.ActivityStats;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.task.DefaultDrive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sernn demo}: the pipeline on the embedded default model (models/alif-demo.yaml, bundled in
 * the jar): build the spatially embedded ALIF network, run it on both engines, check that their
 * rasters agree, and write runs/demo/ with a checkpoint, stats, spikes, a raster and report.html.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the pipeline on the embedded default model and writes DIR/report.html.")
public final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_MODEL = "models/alif-demo.yaml";

    @Option(names = "--out", defaultValue = "runs/demo", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--trials", defaultValue = "8", description = "Trials of the default input (default: ${DEFAULT-VALUE}).")
    int trials;

    @Override
    public Integer call() throws IOException {
        ModelConfig config = ConfigLoader.fromYaml(embeddedDefault(), "embedded " + DEFAULT_MODEL);
        Network network = NetworkFactory.build(config, Path.of("."));
        Files.createDirectories(out);
        NetworkCheckpoint.write(out.resolve("model.npz"), network);
        System.out.println("built " + config.name() + ": " + network.nRec() + " units on a 5 x 5 x 4 grid, "
                + network.wRec().countNonZero() + " recurrent synapses; wrote " + out.resolve("model.npz"));

        InputBatch input = DefaultDrive.input(config, trials, new SplittableRandom(config.seed()));
        Map<Engine, Recording> recordings = new LinkedHashMap<>();
        Map<Engine, Double> seconds = new LinkedHashMap<>();
        for (Engine engine : Engine.values()) {
            long start = System.nanoTime();
            recordings.put(engine, engine.simulator().run(network, input, RecordOptions.SPIKES_ONLY));
            seconds.put(engine, (System.nanoTime() - start) / 1e9);
        }
        Recording event = recordings.get(Engine.EVENT);
        boolean identical = event.spikes().equals(recordings.get(Engine.DENSE).spikes());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("engines_identical", identical);
        extra.put("dense_wall_time_seconds", seconds.get(Engine.DENSE));
        SimulationOutput.write(out, network, event, Engine.EVENT, seconds.get(Engine.EVENT), config.seed(), extra);
        SimulationOutput.printSummary(System.out, network, event, Engine.EVENT, seconds.get(Engine.EVENT), out);
        System.out.printf(Locale.ROOT, "dense engine: %.3f s; event and dense rasters identical: %s%n",
                seconds.get(Engine.DENSE), identical);

        HtmlReport report = new HtmlReport("sernn demo: " + config.name());
        report.paragraph(String.format(Locale.ROOT, "%d ALIF/LIF units on a 5 x 5 x 4 grid, %d trials of %d ms of "
                + "Poisson input at %.0f Hz per channel.", network.nRec(), trials, input.steps(),
                config.input().background().rateHz()));
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("mean firing rate", String.format(Locale.ROOT, "%.2f Hz", ActivityStats.meanRateHz(event,
                network.neurons().dtMs())));
        ActivityStats.populationRatesHz(event, network.neurons())
                .forEach((name, rate) -> rows.put(name + " rate", String.format(Locale.ROOT, "%.2f Hz", rate)));
        rows.put("spikes", Long.toString(event.counts().spikes()));
        rows.put("synaptic events", Long.toString(event.counts().synapticEvents()));
        rows.put("event engine", String.format(Locale.ROOT, "%.3f s", seconds.get(Engine.EVENT)));
        rows.put("dense engine", String.format(Locale.ROOT, "%.3f s", seconds.get(Engine.DENSE)));
        rows.put("engines give identical spikes", Boolean.toString(identical));
        report.table("Simulation", rows);
        report.image("Spike raster, trial 0",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(out.resolve("raster.png"))));
        report.write(out.resolve("report.html"));
        System.out.println("report: " + out.resolve("report.html"));
        return identical ? 0 : 1;
    }

    static String embeddedDefault() throws IOException {
        try (InputStream stream = DemoCommand.class.getResourceAsStream("/" + DEFAULT_MODEL)) {
            if (stream == null) {
                throw new IllegalStateException(DEFAULT_MODEL + " is not bundled in the jar");
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
