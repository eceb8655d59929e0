package org.sernn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * The engines timed by process CPU time as well as wall time, per run, after a warm-up: a view of
 * the same workloads that holds up when other processes share the 2 cores (wall time then counts
 * the time this process waited for a core; CPU time does not). The Brian 2 peer records its
 * process CPU time the same way, so the two can be compared. JMH (wall time) stays the primary
 * measurement; this is the cross-check. Writes {@code DIR/cpu-java.json}.
 *
 * <pre>
 * java -Xmx14g -cp benchmarks.jar org.sernn.bench.CpuTimeBench DIR [--dense]
 * </pre>
 */
public final class CpuTimeBench {
    private CpuTimeBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean dense = Arrays.asList(args).contains("--dense");
        Map<String, Object> all = new LinkedHashMap<>();
        for (Workload workload : List.of(Workload.N1000, Workload.N10000)) {
            Network network = workload.network();
            InputBatch input = workload.input();
            EventSimulator event = new EventSimulator();
            boolean small = workload.nRec() <= 2000;
            Map<String, Supplier<Recording>> engines = new LinkedHashMap<>();
            engines.put("event", () -> event.run(network, input, RecordOptions.SPIKES_ONLY));
            engines.put("eventFresh", () -> new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY));
            if (dense && small) {
                DenseSimulator denseEngine = new DenseSimulator();
                engines.put("dense", () -> denseEngine.run(network, input, RecordOptions.SPIKES_ONLY));
            }
            Map<String, Object> results = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<Recording>> engine : engines.entrySet()) {
                Map<String, Object> r = measure(engine.getValue(), small ? 3.0 : 4.0, small ? 8 : 6);
                results.put(engine.getKey(), r);
                System.out.printf(Locale.ROOT, "%-10s %-14s cpu %.4f s (best batch, %d runs), wall %.4f s (best batch), %.3g events/s by CPU%n",
                        workload.name(), engine.getKey(), r.get("cpu_s_min"), r.get("runs"), r.get("wall_s_min"),
                        (Long) r.get("synaptic_events") / (Double) r.get("cpu_s_min"));
            }
            all.put(workload.name(), results);
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path temp = Files.createTempFile(dir, "cpu-java", ".tmp");
        json.writeValue(temp.toFile(), all);
        Files.move(temp, dir.resolve("cpu-java.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Warm-up for about warmupSeconds of wall time (at least 3 runs), then {@code batches} batches of
     * runs, each at least 0.5 s of wall time long: the process CPU clock that Java exposes ticks in
     * 10 ms steps here, so single short runs cannot be timed by it. Per-run figures are batch totals
     * divided by the batch's run count; the minimum over batches is reported.
     */
    static Map<String, Object> measure(Supplier<Recording> run, double warmupSeconds, int batches) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long warmupStart = System.nanoTime();
        long warmupEnd = warmupStart + (long) (warmupSeconds * 1e9);
        Recording recording = null;
        int warmupRuns = 0;
        while (warmupRuns < 3 || System.nanoTime() < warmupEnd) {
            recording = run.get();
            warmupRuns++;
        }
        double wallPerRun = (System.nanoTime() - warmupStart) / 1e9 / warmupRuns;
        int perBatch = Math.max(1, (int) Math.ceil(0.5 / wallPerRun));
        double[] cpu = new double[batches];
        double[] wall = new double[batches];
        for (int b = 0; b < batches; b++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                recording = run.get();
            }
            wall[b] = (System.nanoTime() - w0) / 1e9 / perBatch;
            cpu[b] = (os.getProcessCpuTime() - c0) / 1e9 / perBatch;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("runs", batches * perBatch);
        r.put("runs_per_batch", perBatch);
        r.put("cpu_s_min", cpu[0]);
        r.put("cpu_s_median", cpu[batches / 2]);
        r.put("wall_s_min", wall[0]);
        r.put("wall_s_median", wall[batches / 2]);
        r.put("synaptic_events", recording.counts().synapticEvents());
        r.put("spikes", recording.counts().spikes());
        return r;
    }
}
