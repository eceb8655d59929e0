package org.sernn.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.linalg.BlasThreads;
import org.sernn.model.ModelConfig;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;
import org.sernn.train.Adam;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;
import org.sernn.train.TaskInputs;

/**
 * Seconds per training iteration of the models as shipped (models/rate-sernn.yaml,
 * models/alif-sernn.yaml, ...) on one batch of their own task: the learning rule's forward and
 * backward pass, the structural regulariser's value and gradient, one Adam step. The batch is the
 * one {@code sernn grad MODEL --batch B --seed S} dumps (the task sampled with seed S, encoded
 * without noise with seed S + 1), so the first iteration's loss equals the dump's loss and a peer
 * that loads the dump (peers/torch_rate_train.py) runs the very same network on the very same input.
 * A plain main, so that it runs from the shaded sernn.jar (benchmarks/run-rate-training.sh):
 *
 * <pre>
 *   javac -cp target/sernn.jar -d /tmp/rt benchmarks/src/main/java/org/sernn/bench/{RateTrainingSpeed,TrainingStep}.java
 *   java -cp target/sernn.jar:/tmp/rt org.sernn.bench.RateTrainingSpeed [--batch 128] [--seed 1] [--repeats 20]
 *        [--out FILE.json] models/rate-sernn.yaml models/alif-sernn.yaml
 * </pre>
 *
 * Each model is warmed up (at least 10 iterations and 3 s of the calling thread's CPU time, then until the
 * JIT compiler has been idle for a second), then timed over {@code repeats} iterations: the median
 * wall time, and the process CPU time and the calling thread's CPU time per iteration over the loop.
 * The weights move with Adam as in training, so the activity drifts a little between iterations.
 */
public final class RateTrainingSpeed {
    private static final double WARMUP_SECONDS = 3.0;
    private static final double COMPILER_IDLE_SECONDS = 1.0;
    private static final double COMPILER_WAIT_SECONDS = 30.0;

    private RateTrainingSpeed() {
    }

    /** One model, its batch and optimiser; {@link #iteration()} is the timed unit. */
    static final class Workload {
        final String name;
        final int steps;
        final int batch;
        final int n;
        final TrainingStep step;

        Workload(Path model, int batch, long seed) {
            Network network = ModelSource.load(model);
            ModelConfig config = network.config();
            Task task = Tasks.of(config.task(), config.neuron().dtMs());
            TaskBatch trials = task.sample(batch, new SplittableRandom(seed));
            TaskInputs inputs = new TaskInputs(config, task);
            this.name = config.name();
            InputBatch input = inputs.encodeWithoutNoise(trials, new SplittableRandom(seed + 1));
            this.steps = input.steps();
            this.batch = batch;
            this.n = network.nRec();
            BlasThreads.forNetworkOf(n); // as `sernn train` does (Trainer): one BLAS thread below 512 units
            Params params = Params.of(network);
            ModelConfig.Training training = config.training();
            this.step = new TrainingStep(params, LearningRules.of(network),
                    Regulariser.of(training.regulariser(), network.positions().distanceMatrix()),
                    new Adam(params, training.learningRate(), training.adamBeta1(), training.adamBeta2(),
                            training.adamEpsilon()),
                    input, trials.labels(), inputs.lossMask());
        }

        /** One training iteration; returns its loss (task + firing-rate + structural). */
        double iteration() {
            return step.run();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Runs iterations until the JIT compiler has compiled nothing for {@value #COMPILER_IDLE_SECONDS} s (at
     * most {@value #COMPILER_WAIT_SECONDS} s), so that the timed loop's process CPU time is the
     * iteration's, not the compiler threads' late work (3-4 ms per iteration over 40 iterations without).
     */
    private static void untilCompilerIdle(Workload work) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + (long) (COMPILER_WAIT_SECONDS * 1e9);
        long compiled = compiler.getTotalCompilationTime();
        long idleSince = System.nanoTime();
        while (System.nanoTime() - idleSince < COMPILER_IDLE_SECONDS * 1e9 && System.nanoTime() < deadline) {
            work.iteration();
            long now = compiler.getTotalCompilationTime();
            if (now != compiled) {
                compiled = now;
                idleSince = System.nanoTime();
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int batch = 128;
        long seed = 1;
        int repeats = 20;
        Path out = null;
        List<Path> models = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("usage: RateTrainingSpeed [--batch B] [--seed S] [--repeats R] "
                                + "[--out FILE.json] MODEL.yaml...");
                        System.exit(2);
                    }
                    models.add(Path.of(args[i]));
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double loadBefore = loadAverage();
        List<String> rows = new ArrayList<>();
        for (Path model : models) {
            Workload work = new Workload(model, batch, seed);
            double firstLoss = work.iteration();
            // Warm-up by CPU time, not wall time: on a loaded machine a few wall seconds may be too few
            // CPU seconds for the JIT compiler to finish.
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; threads.getCurrentThreadCpuTime() - start < WARMUP_SECONDS * 1e9 || i < 10; i++) {
                work.iteration();
            }
            untilCompilerIdle(work);
            double[] seconds = new double[repeats];
            double[][] phases = new double[3][repeats];
            long cpu = processCpuNanos();
            long threadCpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                work.iteration();
                seconds[i] = (System.nanoTime() - t) / 1e9;
                for (int k = 0; k < 3; k++) {
                    phases[k][i] = work.step.phases[k];
                }
            }
            double cpuSeconds = (processCpuNanos() - cpu) / 1e9 / repeats;
            double threadSeconds = (threads.getCurrentThreadCpuTime() - threadCpu) / 1e9 / repeats;
            System.out.printf(Locale.ROOT, "sernn %s (n %d, batch %d, %d steps): %.2f ms/iter wall (median of %d; "
                    + "learning rule %.2f, regulariser %.2f, Adam %.2f), process CPU %.2f ms, thread CPU %.2f ms; "
                    + "first loss %.15g%n", work.name, work.n, batch, work.steps, 1e3 * median(seconds), repeats,
                    1e3 * median(phases[0]), 1e3 * median(phases[1]), 1e3 * median(phases[2]), 1e3 * cpuSeconds,
                    1e3 * threadSeconds, firstLoss);
            rows.add(String.format(Locale.ROOT, "{\"model\": \"%s\", \"name\": \"%s\", \"n\": %d, \"batch\": %d, "
                    + "\"steps\": %d, \"first_loss\": %.17g, \"seconds_per_iteration\": %.6g, \"learning_rule_seconds\": "
                    + "%.6g, \"regulariser_seconds\": %.6g, \"adam_seconds\": %.6g, \"cpu_seconds\": %.6g, "
                    + "\"thread_cpu_seconds\": %.6g}", model, work.name, work.n, batch, work.steps, firstLoss,
                    median(seconds), median(phases[0]), median(phases[1]), median(phases[2]), cpuSeconds,
                    threadSeconds));
        }
        if (out != null) {
            Files.writeString(out, String.format(Locale.ROOT, "{\"peer\": \"sernn\", \"java\": \"%s\", "
                    + "\"dtype\": \"float64\", \"load_before\": %.2f, \"load_after\": %.2f,%n \"models\": [%s]}%n",
                    System.getProperty("java.version"), loadBefore, loadAverage(), String.join(",\n  ", rows)));
        }
    }
}
