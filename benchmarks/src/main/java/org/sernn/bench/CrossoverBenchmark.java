package org.sernn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sernn.model.Network;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;

/**
 * Firing-rate sweep for the dense/event crossover on network (a) (1,000 ALIF units, 10%): the
 * same recurrent weights, with the input drive (input rate and input gain) raised in
 * {@link Workload#SWEEP_LEVELS} steps so that the mean rate spans about 5 to 300 Hz. Score:
 * milliseconds per run of 1,000 steps (of {@code trials} trials); the firing rate of each level is in workloads.json
 * ({@link ExportWorkloads}). The crossover is the rate above which dense takes less time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx8g", "-XX:+UseParallelGC"})
@Threads(1)
public class CrossoverBenchmark {

    @Param({"1", "2", "3", "4", "5", "6", "7", "8"})
    public String level;

    /**
     * Trials per run. 1 is the benchmark's workload; a batch (e.g. -p trials=16) lets the dense
     * engine turn its per-step GEMVs into GEMMs, while the event engine runs trials one by one.
     */
    @Param({"1"})
    public int trials;

    private Network network;
    private InputBatch input;
    private final EventSimulator event = new EventSimulator();
    private final DenseSimulator dense = new DenseSimulator();

    @Setup(Level.Trial)
    public void build() {
        Workload w = Workload.sweep(level);
        network = w.network();
        input = w.input(trials);
    }

    @Benchmark
    public Recording event() {
        return event.run(network, input, RecordOptions.SPIKES_ONLY);
    }

    @Benchmark
    public Recording dense() {
        return dense.run(network, input, RecordOptions.SPIKES_ONLY);
    }
}
