package org.sernn.bench;

import java.util.Locale;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.sim.Simulator;

/**
 * A quick look at a workload without JMH: firing rate, synaptic events and a rough wall time of
 * each engine (best of a few runs). For tuning drives; the numbers to report come from JMH.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.sernn.bench.Probe WORKLOAD [w_in_gain w_rec_gain input_rate_hz] [--no-dense] [--repeats N]
 * </pre>
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) {
        Workload workload = Workload.named(args[0]);
        boolean dense = true;
        int repeats = 5;
        int next = 1;
        if (args.length >= 4 && !args[1].startsWith("--")) {
            workload = workload.withDrive(Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                    Double.parseDouble(args[3]));
            next = 4;
        }
        for (int i = next; i < args.length; i++) {
            if (args[i].equals("--no-dense")) {
                dense = false;
            } else if (args[i].equals("--repeats")) {
                repeats = Integer.parseInt(args[++i]);
            }
        }
        long t0 = System.nanoTime();
        Network network = workload.network();
        InputBatch input = workload.input();
        System.out.printf(Locale.ROOT, "%s: built in %.2f s (w_in gain %.2f, w_rec gain %.2f, input %.0f Hz)%n",
                workload.name(), (System.nanoTime() - t0) / 1e9, workload.wInGain(), workload.wRecGain(),
                workload.inputRateHz());
        time("event", new EventSimulator(), network, input, workload, repeats);
        if (dense) {
            time("dense", new DenseSimulator(), network, input, workload, workload.nRec() > 2000 ? 1 : repeats);
        }
    }

    private static void time(String label, Simulator engine, Network network, InputBatch input, Workload workload,
            int repeats) {
        double best = Double.MAX_VALUE;
        Recording recording = null;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            recording = engine.run(network, input, RecordOptions.SPIKES_ONLY);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        long events = recording.counts().synapticEvents();
        System.out.printf(Locale.ROOT, "  %s: rate %.1f Hz, %d spikes, %d synaptic events, best %.4f s, %.3g events/s%n",
                label, workload.rateHz(recording.counts().spikes()), recording.counts().spikes(), events, best,
                events / best);
    }
}
