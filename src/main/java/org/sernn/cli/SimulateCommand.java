package org.sernn.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.train.Evaluation;
import org.sernn.train.TaskTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn simulate MODEL --engine event|dense --trials N --out DIR}. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Runs N trials of the model's task (or its background drive) and writes stats.json, spikes.npz and raster.png.")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A checkpoint (.npz) or a config (.yaml).")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--engine", defaultValue = "event", description = "event (spike-driven) or dense (batched GEMM); default: event.")
    Engine engine;

    @Option(names = "--trials", defaultValue = "1", description = "Number of trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--threads", description = "Threads the trials are spread over (default: the machine's cores); "
            + "results are bit-identical for any value.")
    Integer threads;

    @Option(names = "--seed", description = "Seed of the input spike trains (default: the model's seed).")
    Long seed;

    @Option(names = "--record-states", description = "Also write membrane voltages and thresholds (spiking units) or activations (rate units) to states.npz.")
    boolean recordStates;

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder("--out", out);
        if (trials < 1) {
            throw new org.sernn.UserError("--trials must be at least 1, was " + trials);
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new org.sernn.UserError("--threads must be at least 1, was " + workers);
        }
        Network network = ModelSource.load(model, configOptions.overrides());
        TaskTrials.requireMemory(network.config(), trials, recordStates, "--trials");
        if (engine == Engine.EVENT && !network.neurons().type().isSpiking()) {
            throw new org.sernn.UserError(model + ": --engine event runs spiking networks; this is a rate network, "
                    + "use --engine dense");
        }
        long inputSeed = seed != null ? seed : network.config().seed();
        TaskTrials run = TaskTrials.draw(network.config(), trials, inputSeed);
        long start = System.nanoTime();
        Recording recording = engine.simulator(workers).run(network, run.input(),
                recordStates ? RecordOptions.WITH_STATES : RecordOptions.SPIKES_ONLY);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("model", model.toString());
        extra.put("input", run.hasLabels() ? "task " + network.config().task().name() : "background drive");
        if (run.hasLabels()) {
            extra.put("accuracy", Evaluation.accuracy(recording, run.labels(), run.lossMask()));
        }
        SimulationOutput.write(out, network, recording, run, engine, wallSeconds, inputSeed, extra);
        SimulationOutput.printSummary(System.out, network, recording, engine, wallSeconds, out);
        if (extra.get("accuracy") instanceof Double accuracy) {
            System.out.printf(java.util.Locale.ROOT, "accuracy on these %d trials: %.3f%n", trials, accuracy);
        }
        return 0;
    }
}
