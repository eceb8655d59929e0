package org.sernn.bench;

import java.util.Locale;
import java.util.function.Supplier;
import org.sernn.model.Network;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.PreparedEventPrototype;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * Where the event engine's time goes, by simple timing (best of N): a whole
 * {@code EventSimulator.run} on a fresh instance; the construction of the recurrent fan-out lists
 * (FanOut.ofColumns, once per network); the same lists built by the prototype; the step loop alone with
 * lists prepared once ({@link PreparedEventPrototype}), and the tuned step loop, whose rasters are
 * checked against the shipped engine's. Complements a JFR profile (see README).
 *
 * <pre>
 * java -cp benchmarks.jar org.sernn.bench.EventProfile [WORKLOAD ...]
 * java -XX:StartFlightRecording=... -cp benchmarks.jar org.sernn.bench.EventProfile --loop-only WORKLOAD RUNS
 * </pre>
 */
public final class EventProfile {
    private EventProfile() {
    }

    public static void main(String[] args) {
        if (args.length == 3 && args[0].equals("--loop-only")) {
            // For a JFR profile of the step loop alone: --loop-only WORKLOAD RUNS
            Workload workload = Workload.named(args[1]);
            PreparedEventPrototype prototype = new PreparedEventPrototype(workload.network());
            InputBatch input = workload.input();
            double seconds = best(Integer.parseInt(args[2]), () -> prototype.run(input));
            double tuned = best(Integer.parseInt(args[2]), () -> prototype.runTuned(input));
            System.out.printf(Locale.ROOT, "%s step loop: best %.4f s, tuned %.4f s%n", workload.name(), seconds,
                    tuned);
            return;
        }
        String[] names = args.length > 0 ? args : new String[] {Workload.N1000.name(), Workload.N10000.name()};
        for (String name : names) {
            Workload workload = Workload.named(name);
            Network network = workload.network();
            InputBatch input = workload.input();
            int repeats = workload.nRec() > 2000 ? 5 : 50;
            Recording shipped = new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY);
            PreparedEventPrototype prototype = new PreparedEventPrototype(network);
            for (Recording r : new Recording[] {prototype.run(input), prototype.runTuned(input)}) {
                if (!r.spikes().equals(shipped.spikes()) || !r.counts().equals(shipped.counts())) {
                    throw new IllegalStateException("prototype differs from EventSimulator on " + name);
                }
            }
            long events = shipped.counts().synapticEvents();
            double whole = best(repeats, () -> new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY));
            double ofColumns = best(repeats, () -> PreparedEventPrototype.shippedFanOutSize(network.wRec()));
            double ofColumnsIn = best(repeats, () -> PreparedEventPrototype.shippedFanOutSize(network.wIn()));
            double rowMajor = best(repeats, () -> PreparedEventPrototype.prototypeFanOutSize(network.wRec()));
            double loop = best(repeats, () -> prototype.run(input));
            double tuned = best(repeats, () -> prototype.runTuned(input));
            System.out.printf(Locale.ROOT, "%s (%,d synaptic events, rate %.1f Hz), best of %d:%n", name, events,
                    workload.rateHz(shipped.counts().spikes()), repeats);
            System.out.printf(Locale.ROOT, "  EventSimulator.run, fresh instance      %8.4f s  %.3g events/s%n", whole,
                    events / whole);
            System.out.printf(Locale.ROOT, "    FanOut.ofColumns(w_rec)               %8.4f s  (%.0f%% of that run)%n",
                    ofColumns, 100 * ofColumns / whole);
            System.out.printf(Locale.ROOT, "    FanOut.ofColumns(w_in)                %8.4f s  (%.0f%%)%n", ofColumnsIn,
                    100 * ofColumnsIn / whole);
            System.out.printf(Locale.ROOT, "  prototype's row-major w_rec lists      %8.4f s%n",
                    rowMajor);
            System.out.printf(Locale.ROOT, "  step loop with lists prepared once      %8.4f s  %.3g events/s (identical raster)%n",
                    loop, events / loop);
            System.out.printf(Locale.ROOT, "  tuned step loop, lists prepared once    %8.4f s  %.3g events/s (identical raster)%n",
                    tuned, events / tuned);
        }
    }

    private static double best(int repeats, Supplier<Object> work) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Object result = work.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            if (result == null) {
                throw new IllegalStateException();
            }
        }
        return best;
    }
}
