package org.sernn.bench;

import java.util.Locale;
import java.util.Map;
import org.sernn.model.Network;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * {@code simulate --trials T} on the 1,000-unit workload (a): the event engine with its trials on 1
 * and on more threads, interleaved (1, k, 1, k, ...) so that both see the same machine, by wall and
 * process CPU time ({@link CpuTimeBench#measure}); also checks that the recordings are equal.
 *
 * <pre>
 * java -Xmx14g -cp CLASSPATH org.sernn.bench.TrialsBench [TRIALS [THREADS [ROUNDS]]]   # default 64 2 3
 * </pre>
 */
public final class TrialsBench {
    private TrialsBench() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Workload workload = Workload.N1000;
        Network network = workload.network();
        InputBatch input = workload.input(trials);
        EventSimulator serial = new EventSimulator(1);
        EventSimulator parallel = new EventSimulator(threads);
        Recording a = serial.run(network, input, RecordOptions.SPIKES_ONLY);
        Recording b = parallel.run(network, input, RecordOptions.SPIKES_ONLY);
        if (!a.spikes().equals(b.spikes()) || !java.util.Arrays.equals(a.readout(), b.readout())
                || !a.counts().equals(b.counts())) {
            throw new IllegalStateException("the parallel recording differs from the serial one");
        }
        System.out.printf(Locale.ROOT, "%s, %d trials: recordings equal on 1 and %d threads (%d spikes)%n",
                workload.name(), trials, threads, a.counts().spikes());
        for (int round = 0; round < rounds; round++) {
            for (int k : new int[] {1, threads}) {
                EventSimulator engine = k == 1 ? serial : parallel;
                Map<String, Object> r = CpuTimeBench.measure(() -> engine.run(network, input, RecordOptions.SPIKES_ONLY),
                        2.0, 3);
                System.out.printf(Locale.ROOT, "round %d threads %d: wall min %.3f median %.3f s, cpu min %.3f s (%d runs)%n",
                        round, k, r.get("wall_s_min"), r.get("wall_s_median"), r.get("cpu_s_min"), r.get("runs"));
            }
        }
    }
}
