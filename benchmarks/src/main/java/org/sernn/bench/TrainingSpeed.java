package org.sernn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Map;
import org.sernn.cli.GradientDump;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.InputBatch;
import org.sernn.train.Adam;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;

/**
 * Seconds per training iteration of sernn's surrogate-gradient BPTT on the ALIF seRNN of
 * models/alif-sernn.yaml at other sizes, the workload of benchmarks/peers/torch_alif_train.py:
 * one iteration is {@code LearningRules.of(network).run} (forward, readout loss, firing-rate
 * regulariser, backward) + the seRNN regulariser's value and full gradient + one Adam update, on a
 * fixed random batch (inputs Bernoulli(0.2) per channel, as currents; loss on the last tenth of
 * the steps). Also the regulariser alone. A plain main rather than JMH so that it runs from the
 * shaded sernn.jar without the benchmark pom.
 *
 * <p>Like for like: with {@code --dumps DIR}, each training workload is written as a gradient dump
 * ({@link GradientDump}, docs/formats.md) to {@code DIR/alif-nN-bB-tT.npz} (weights, per-unit parameters,
 * input, labels, loss mask, distances, loss), and each regulariser workload's W_rec and distances to
 * {@code DIR/regulariser-nN.npz}; the PyTorch peer times exactly these. Every timed iteration runs on the
 * dumped network, the one reached by {@code --settle K} training iterations from the initial weights (default
 * 30: as in a training run, the rates fall from the initial weights' ~150 Hz): after each Adam step the parameters are put back (untimed), so every iteration has the
 * spike count and loss recorded in the JSON, which the table checks against PyTorch's before giving a ratio.
 *
 * <pre>
 *
 *   javac -cp target/sernn.jar -d /tmp/ts benchmarks/src/main/java/org/sernn/bench/{TrainingSpeed,TrainingStep}.java
 *   java -Xmx8g -cp target/sernn.jar:/tmp/ts org.sernn.bench.TrainingSpeed [--sizes 100x128x50,100x64x500,1000x32x100]
 *        [--reg-sizes 100,500,1000] [--warmup 3] [--repeats 7] [--reg-repeats 15] [--out FILE.json] [--dumps DIR] [--settle 30]
 * </pre>
 *
 * Times are wall-clock medians after warm-up (at least W calls and 3 s each: JIT, ND4J initialisation);
 * every sample is in the JSON.
 * BPTT splits the batch over the common fork-join pool: add
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=T-1} for T threads.
 */
public final class TrainingSpeed {
    private TrainingSpeed() {
    }

    /** The network of models/alif-sernn.yaml with {@code n} units on a grid (5x5x4, 10x10x5, 10x10x10) or in a box. */
    static String yaml(int n) {
        String space = switch (n) {
            case 100 -> "{layout: grid, grid: [5, 5, 4]}";
            case 500 -> "{layout: grid, grid: [10, 10, 5]}";
            case 1000 -> "{layout: grid, grid: [10, 10, 10]}";
            default -> "{layout: box}";
        };
        return "name: training-speed-" + n + "\n"
                + "seed: 1\n"
                + "sizes: {inputs: 8, recurrent: " + n + ", outputs: 4}\n"
                + "space: " + space + "\n"
                + "neuron: {type: alif, alif_fraction: 0.5, dt_ms: 1.0, tau_m_ms: 20.0, tau_a_ms: 500.0, beta: 0.07,"
                + " v_th: 0.6, n_ref: 2, tau_out_ms: 20.0}\n"
                + "weights:\n"
                + "  w_in: {init: gaussian, gain: 3.0}\n"
                + "  w_rec: {init: gaussian, gain: 1.0}\n"
                + "  w_out: {init: gaussian, gain: 1.0}\n"
                + "input: {encoding: current}\n"
                + "task: {name: maze, steps_per_task_step: 5, loss_window: 5}\n"
                + "training:\n"
                + "  learning_rule: bptt\n"
                + "  learning_rate: 0.005\n"
                + "  surrogate: {kind: triangle, gamma: 0.3}\n"
                + "  regulariser: {kind: sernn, lambda: 0.1, strength: out, gradient: full}\n"
                + "  rate_regulariser: {c_reg: 0.0001, target_hz: 10}\n";
    }

    /** One network, batch and optimiser; {@link #iteration()} is the timed unit. */
    static final class Workload {
        final int n;
        final int batch;
        final int steps;
        final Network network;
        final DenseMatrix distance;
        final Params params;
        /** The dumped parameters, put back after every iteration. */
        final Params initial;
        final InputBatch input;
        final int[] labels;
        final double[] lossMask;
        final TrainingStep step;

        Workload(int n, int batch, int steps) {
            this.n = n;
            this.batch = batch;
            this.steps = steps;
            ModelConfig config = ConfigLoader.fromYaml(yaml(n), "TrainingSpeed");
            this.network = NetworkFactory.build(config, Path.of("."));
            ModelConfig.Training training = config.training();
            this.params = Params.of(network);
            this.initial = params.copy();
            this.distance = network.positions().distanceMatrix();
            SplittableRandom random = new SplittableRandom(1);
            double[] values = new double[batch * steps * network.nIn()];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() < 0.2 ? 1.0 : 0.0;
            }
            this.input = new InputBatch(batch, steps, network.nIn(), values);
            this.labels = new int[batch];
            for (int b = 0; b < batch; b++) {
                labels[b] = random.nextInt(network.nOut());
            }
            this.lossMask = new double[steps];
            int window = Math.max(1, steps / 10);
            Arrays.fill(lossMask, steps - window, steps, 1.0 / window);
            this.step = new TrainingStep(params, LearningRules.of(network), Regulariser.of(training.regulariser(), distance),
                    new Adam(params, training.learningRate(), training.adamBeta1(), training.adamBeta2(),
                            training.adamEpsilon()),
                    input, labels, lossMask);
        }

        /** One timed iteration, then (untimed) the dumped parameters back; returns the loss. */
        double iteration() {
            double loss = step.run();
            restore();
            return loss;
        }

        /**
         * Trains for {@code iterations} iterations (the network's rates fall from the initial weights' ~150 Hz
         * towards the rate regulariser's target, as in a real training run) and makes the result the network
         * that {@link #iteration} restores.
         */
        void settle(int iterations) {
            for (int i = 0; i < iterations; i++) {
                step.run();
            }
            for (double[][] pair : new double[][][] {{params.wIn, initial.wIn}, {params.wRec, initial.wRec},
                {params.wOut, initial.wOut}, {params.bRec, initial.bRec}, {params.bOut, initial.bOut},
                {params.neuron, initial.neuron}}) {
                System.arraycopy(pair[0], 0, pair[1], 0, pair[0].length);
            }
        }

        private void restore() {
            for (double[][] pair : new double[][][] {{initial.wIn, params.wIn}, {initial.wRec, params.wRec},
                {initial.wOut, params.wOut}, {initial.bRec, params.bRec}, {initial.bOut, params.bOut},
                {initial.neuron, params.neuron}}) {
                System.arraycopy(pair[0], 0, pair[1], 0, pair[0].length);
            }
        }

        String dumpName() {
            return "alif-n" + n + "-b" + batch + "-t" + steps + ".npz";
        }

        /** Spikes of the last iteration. */
        long spikes() {
            return step.result.spikes();
        }

        double meanRateHz() {
            return spikes() / (batch * (double) steps * n / 1000.0);
        }
    }

    private static final double WARMUP_SECONDS = 3.0;
    /** Training iterations are timed for at least this long (and at least --repeats times). */
    private static final double MIN_TIMED_SECONDS = 2.0;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    /**
     * Wall seconds of each of {@code repeats} runs after {@code warmup}, and as the last entry the mean
     * process CPU seconds per run (measured over the whole loop: the JVM's process CPU clock ticks in 10 ms).
     */
    private static double[] time(Runnable body, int warmup, int repeats) {
        warmUp(body, warmup);
        double[] seconds = new double[repeats + 1];
        long cpu = processCpuNanos();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            body.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        seconds[repeats] = (processCpuNanos() - cpu) / 1e9 / repeats;
        return seconds;
    }

    /**
     * Runs {@code body} at least {@code runs} times and for at least {@value #WARMUP_SECONDS} s, so that
     * the JIT compiler has compiled the hot loops (a training run does hundreds of iterations; a few
     * warm-up calls leave the regulariser's code partly interpreted).
     */
    private static void warmUp(Runnable body, int runs) {
        long start = System.nanoTime();
        for (int i = 0; i < runs || System.nanoTime() - start < WARMUP_SECONDS * 1e9; i++) {
            body.run();
        }
    }

    /** CPU time of the whole process (every thread, ND4J's and OpenBLAS's native ones included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String json(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        return s.append(']').toString();
    }

    /**
     * Threads BPTT's trial blocks run on: the common fork-join pool's workers plus the calling thread
     * (run-training.sh sets the pool to --threads - 1 workers; by default it has one per core but one).
     */
    private static int bpttThreads() {
        Integer workers = Integer.getInteger("java.util.concurrent.ForkJoinPool.common.parallelism");
        return workers != null ? workers + 1 : Runtime.getRuntime().availableProcessors();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws IOException {
        String sizes = "100x128x50,100x64x500,1000x32x100";
        String regSizes = "100,500,1000";
        int warmup = 3;
        int settle = 30;
        int repeats = 7;
        int regRepeats = 15;
        Path out = null;
        Path dumps = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = args[++i];
                case "--reg-sizes" -> regSizes = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--reg-repeats" -> regRepeats = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--dumps" -> dumps = Path.of(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: TrainingSpeed [--sizes NxBxT,...] [--reg-sizes N,...] [--warmup W] "
                            + "[--repeats R] [--reg-repeats R] [--out FILE.json] [--dumps DIR] [--settle K]");
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "sernn: BPTT on %d thread(s)%n", bpttThreads());
        List<String> training = new ArrayList<>();
        List<String> regularisers = new ArrayList<>();
        double loadBefore = loadAverage();
        for (String spec : sizes.split(",")) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.split("x");
            Workload work = new Workload(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]));
            work.settle(settle);
            double loss = work.iteration();
            long spikes = work.spikes();
            if (dumps != null) {
                Files.createDirectories(dumps);
                GradientDump.write(dumps.resolve(work.dumpName()), work.params.toNetwork(work.network), work.input, work.labels,
                        work.lossMask, work.distance, loss, work.step.result.gradients());
            }
            warmUp(work::iteration, warmup);
            // At least `repeats` iterations and MIN_TIMED_SECONDS: the process CPU clock ticks coarsely.
            double[] seconds = new double[repeats];
            double[][] phases = new double[3][repeats];
            long cpu = processCpuNanos();
            long loopStart = System.nanoTime();
            int timed = 0;
            for (int i = 0; i < repeats || System.nanoTime() - loopStart < MIN_TIMED_SECONDS * 1e9; i++, timed++) {
                if (i == seconds.length) {
                    seconds = Arrays.copyOf(seconds, 2 * i);
                    for (int k = 0; k < 3; k++) {
                        phases[k] = Arrays.copyOf(phases[k], 2 * i);
                    }
                }
                long start = System.nanoTime();
                double again = work.iteration();
                seconds[i] = (System.nanoTime() - start) / 1e9;
                if (work.spikes() != spikes || again != loss) {
                    throw new IllegalStateException("iteration " + i + " of n " + work.n + " ran on another network: "
                            + work.spikes() + " spikes, loss " + again + " (first: " + spikes + ", " + loss + ")");
                }
                for (int k = 0; k < 3; k++) {
                    phases[k][i] = work.step.phases[k];
                }
            }
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9 / timed;
            seconds = Arrays.copyOf(seconds, timed);
            for (int k = 0; k < 3; k++) {
                phases[k] = Arrays.copyOf(phases[k], timed);
            }
            double med = median(seconds);
            System.out.printf(Locale.ROOT, "sernn train n %d batch %d steps %d: %.4f s/iter (median of %d; min %.4f,"
                    + " max %.4f; BPTT %.4f, regulariser %.4f, Adam %.4f; process CPU %.4f s), %.1f Hz, %d spikes, loss %.9g%n", work.n,
                    work.batch, work.steps, med, timed, Arrays.stream(seconds).min().orElse(0),
                    Arrays.stream(seconds).max().orElse(0), median(phases[0]), median(phases[1]), median(phases[2]),
                    cpuSeconds, work.meanRateHz(), spikes, loss);
            training.add(String.format(Locale.ROOT, "{\"n\": %d, \"batch\": %d, \"steps\": %d, "
                    + "\"seconds_per_iteration\": %.6g, \"all_seconds\": %s, \"bptt_seconds\": %.6g, "
                    + "\"regulariser_seconds\": %.6g, \"adam_seconds\": %.6g, \"cpu_seconds\": %.6g, "
                    + "\"mean_rate_hz\": %.4g, \"spikes\": %d, \"loss\": %.17g}", work.n, work.batch, work.steps, med,
                    json(seconds), median(phases[0]), median(phases[1]), median(phases[2]), cpuSeconds,
                    work.meanRateHz(), spikes, loss));
        }
        for (String spec : regSizes.split(",")) {
            if (spec.isBlank()) {
                continue;
            }
            int n = Integer.parseInt(spec.trim());
            ModelConfig config = ConfigLoader.fromYaml(yaml(n), "TrainingSpeed");
            Network network = NetworkFactory.build(config, Path.of("."));
            Regulariser regulariser = Regulariser.of(config.training().regulariser(),
                    network.positions().distanceMatrix());
            double[] w = network.wRec().toArray();
            if (dumps != null) {
                Files.createDirectories(dumps);
                Map<String, NpyArray> arrays = new LinkedHashMap<>(); // a fixed member order
                arrays.put("w_rec", NpyArray.ofDoubles(w, n, n));
                arrays.put("distance", NpyArray.ofDoubles(network.positions().distanceMatrix().toArray(), n, n));
                Npz.write(dumps.resolve("regulariser-n" + n + ".npz"), arrays);
            }
            double[] gradient = new double[n * n];
            double[] timed = time(() -> {
                Arrays.fill(gradient, 0.0);
                regulariser.addValueAndGradient(w, n, gradient);
            }, 3, regRepeats);
            double[] seconds = Arrays.copyOf(timed, regRepeats);
            double cpuSeconds = timed[regRepeats];
            double med = median(seconds);
            System.out.printf(Locale.ROOT, "sernn regulariser n %d: %.2f ms (median of %d; process CPU %.2f ms)%n", n,
                    1000 * med, regRepeats, 1000 * cpuSeconds);
            regularisers.add(String.format(Locale.ROOT, "{\"n\": %d, \"seconds\": %.6g, \"all_seconds\": %s, "
                    + "\"cpu_seconds\": %.6g}", n, med, json(seconds), cpuSeconds));
        }
        if (out != null) {
            String text = String.format(Locale.ROOT, "{\"peer\": \"sernn\", \"java\": \"%s\", \"dtype\": \"float64\","
                    + " \"bptt_threads\": %d, \"load_before\": %.2f, \"load_after\": %.2f,%n \"training\": [%s],%n"
                    + " \"regulariser\": [%s]}%n", System.getProperty("java.version"), bpttThreads(), loadBefore,
                    loadAverage(), String.join(",\n  ", training),
                    String.join(",\n  ", regularisers));
            Files.writeString(out, text);
        }
    }
}
