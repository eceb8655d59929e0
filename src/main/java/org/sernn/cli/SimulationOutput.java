package org.sernn.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.io.AtomicFiles;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.Network;
import org.sernn.model.JsonReport;
import org.sernn.util.plot.FigureFiles;
import org.sernn.analysis.plots.RasterPlot;
import org.sernn.train.TaskTrials;
import org.sernn.sim.ActivityStats;
import org.sernn.sim.OpCounts;
import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;

/** The files of a simulation run: stats.json, spikes.npz, raster.png and, on request, states.npz. */
final class SimulationOutput {
    private SimulationOutput() {
    }

    static Map<String, Object> stats(Network network, Recording recording, Engine engine, double wallSeconds) {
        OpCounts counts = recording.counts();
        double dtMs = network.neurons().dtMs();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("engine", engine.name().toLowerCase(Locale.ROOT));
        stats.put("trials", recording.trials());
        stats.put("steps", recording.steps());
        stats.put("dt_ms", dtMs);
        stats.put("n_rec", recording.nRec());
        stats.put("spikes", counts.spikes());
        stats.put("synaptic_events", counts.synapticEvents());
        stats.put("neuron_updates", counts.neuronUpdates());
        stats.put("dense_macs", counts.denseMacs());
        if (network.neurons().type().isSpiking()) {   // rate units have no firing rate
            stats.put("mean_rate_hz", ActivityStats.meanRateHz(recording, dtMs));
            stats.put("population_rates_hz", ActivityStats.populationRatesHz(recording, network.neurons(),
                    network.config().weights().dale() != null));
        }
        stats.put("wall_time_seconds", wallSeconds);
        stats.put("synaptic_events_per_second", counts.synapticEvents() / wallSeconds);
        return stats;
    }

    static void write(Path out, Network network, Recording recording, TaskTrials run, Engine engine,
            double wallSeconds, long seed, Map<String, Object> extra) {
        try {
            Files.createDirectories(out);
            Map<String, Object> fields = new LinkedHashMap<>(extra);
            fields.putAll(stats(network, recording, engine, wallSeconds));
            JsonReport.write(out.resolve("stats.json"), JsonReport.withProvenance(fields, network.config(), seed));
            Npz.write(out.resolve("spikes.npz"), spikeArrays(recording.spikes(), network.neurons().dtMs()));
            if (recording.voltage() != null || recording.activation() != null) {
                Npz.write(out.resolve("states.npz"), stateArrays(recording));
            }
            if (network.neurons().type().isSpiking()) {
                FigureFiles.write(RasterPlot.panel(RasterPlot.TrialView.of(network, recording, run, null, 0,
                        network.config().name() + ": trial 0 of this run (" + engine.name().toLowerCase(Locale.ROOT)
                        + " engine)")), out, "raster");
            }
        } catch (IOException e) {
            throw new UserError(out + ": cannot write results: " + e.getMessage(), e);
        }
    }

    /** Spikes as parallel arrays (trial, step, unit), sorted, with trial_start offsets and dt_ms. */
    static Map<String, NpyArray> spikeArrays(SpikeRaster raster, double dtMs) {
        int count = raster.count();
        int[] trial = new int[count];
        for (int t = 0; t < raster.trials(); t++) {
            Arrays.fill(trial, raster.trialStart()[t], raster.trialStart()[t + 1], t);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("trial", NpyArray.ofInts(trial, count));
        arrays.put("step", NpyArray.ofInts(raster.step(), count));
        arrays.put("unit", NpyArray.ofInts(raster.unit(), count));
        arrays.put("trial_start", NpyArray.ofInts(raster.trialStart(), raster.trials() + 1));
        arrays.put("dt_ms", NpyArray.ofDoubles(new double[] {dtMs}));
        arrays.put("steps", NpyArray.ofInts(new int[] {raster.steps()}));
        arrays.put("n_units", NpyArray.ofInts(new int[] {raster.units()}));
        return arrays;
    }

    private static Map<String, NpyArray> stateArrays(Recording recording) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        int[] shape = {recording.trials(), recording.steps(), recording.nRec()};
        if (recording.voltage() != null) {
            arrays.put("voltage", NpyArray.ofDoubles(recording.voltage(), shape));
        }
        if (recording.activation() != null) {
            arrays.put("activation", NpyArray.ofDoubles(recording.activation(), shape));
        }
        if (recording.threshold() != null) {
            arrays.put("threshold", NpyArray.ofDoubles(recording.threshold(), shape));
        }
        arrays.put("readout", NpyArray.ofDoubles(recording.readout(), recording.trials(), recording.steps(),
                recording.nOut()));
        return arrays;
    }

    static void printSummary(PrintStream out, Network network, Recording recording, Engine engine, double wallSeconds,
            Path dir) {
        OpCounts counts = recording.counts();
        String spikes = network.neurons().type().isSpiking() ? String.format(Locale.ROOT, "%d spikes (%.1f Hz), ",
                counts.spikes(), ActivityStats.meanRateHz(recording, network.neurons().dtMs())) : "";
        out.printf(Locale.ROOT, "%s on the %s engine: %d trials x %d steps, %s%d synaptic events, %.3f s (%.3g "
                + "events/s)%n", network.config().name(), engine.name().toLowerCase(Locale.ROOT), recording.trials(),
                recording.steps(), spikes, counts.synapticEvents(), wallSeconds,
                counts.synapticEvents() / wallSeconds);
        out.println("wrote " + dir.resolve("stats.json") + ", spikes.npz" + (network.neurons().type().isSpiking()
                ? ", raster.png, raster.svg" : ""));
    }
}
