package org.sernn.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.sernn.model.Network;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * The cost of a one-off run on the 10,000-unit workload (b), by process CPU and wall time
 * ({@link CpuTimeBench#measure}): {@code build} is a fresh event engine on a one-step input (almost
 * all of it the CSR build of the three weight matrices), {@code fresh} a fresh engine on the whole
 * trial (what one {@code simulate} pays), {@code warm} the same trial on an engine that already holds
 * the lists, and {@code config} the network drawn from its config (positions, parameters, weights)
 * followed by {@code build}: with {@code fresh}, everything a one-off {@code simulate} of a config
 * pays beyond starting the JVM. Uses only public API that older revisions have too, so the same
 * source times older builds.
 *
 * <pre>
 * java -Xmx14g -cp CLASSPATH org.sernn.bench.OneOffBench
 * </pre>
 */
public final class OneOffBench {
    private OneOffBench() {
    }

    public static void main(String[] args) {
        Workload workload = Workload.N10000;
        Network network = workload.network();
        InputBatch input = workload.input();
        InputBatch oneStep = new InputBatch(1, 1, input.channels(), Arrays.copyOf(input.values(), input.channels()));
        EventSimulator warm = new EventSimulator();
        Map<String, Supplier<Recording>> runs = new java.util.LinkedHashMap<>();
        runs.put("build", () -> new EventSimulator().run(network, oneStep, RecordOptions.SPIKES_ONLY));
        runs.put("fresh", () -> new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY));
        runs.put("warm", () -> warm.run(network, input, RecordOptions.SPIKES_ONLY));
        runs.put("config", () -> new EventSimulator().run(workload.network(), oneStep, RecordOptions.SPIKES_ONLY));
        for (Map.Entry<String, Supplier<Recording>> run : runs.entrySet()) {
            Map<String, Object> r = CpuTimeBench.measure(run.getValue(), 4.0, 6);
            System.out.printf(Locale.ROOT, "%s %-6s cpu min %.4f median %.4f s, wall min %.4f median %.4f s (%d runs), %d spikes%n",
                    workload.name(), run.getKey(), r.get("cpu_s_min"), r.get("cpu_s_median"), r.get("wall_s_min"),
                    r.get("wall_s_median"), r.get("runs"), r.get("spikes"));
        }
    }
}
