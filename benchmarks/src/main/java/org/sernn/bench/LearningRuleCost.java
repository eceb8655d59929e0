package org.sernn.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.model.ConfigLoader;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.InputBatch;
import org.sernn.task.PoissonEncoder;
import org.sernn.train.BatchResult;
import org.sernn.train.LearningRule;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;

/**
 * Seconds per iteration and memory of one learning rule at one sequence length: the network of
 * models/eprop-evidence.yaml (100 units, 40 inputs, 2 outputs), batch 64, every input channel Poisson
 * at 40 Hz, random labels, loss on the last 150 steps. Run one point per fresh JVM, so that the peak
 * heap belongs to that point alone:
 * <pre>
 *   java -Xmx12g -cp target/sernn.jar:benchmarks/target/cost LearningRuleCost eprop 2250 3
 * </pre>
 * Prints one line of JSON: median wall and CPU seconds per iteration (the CPU time of the training
 * thread is what a shared, loaded machine does not distort); peak heap used (sum over heap pools of
 * their peak, measured from after the input was built and a GC, so it includes the input batch);
 * the input batch's own size; bytes the rule allocated per iteration (ThreadMXBean).
 */
public final class LearningRuleCost {
    private LearningRuleCost() {
    }

    public static void main(String[] args) throws Exception {
        LearningRuleKind method = LearningRuleKind.valueOf(args[0].toUpperCase(Locale.ROOT));
        int steps = Integer.parseInt(args[1]);
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int batch = 64;
        ModelConfig base = ConfigLoader.load(Path.of("models/eprop-evidence.yaml"));
        ModelConfig.Training t = base.training();
        ModelConfig config = new ModelConfig(base.name(), base.seed(), base.sizes(), base.space(), base.neuron(),
                base.weights(), base.input(), base.task(), new ModelConfig.Training(method, t.epochs(), t.batchSize(),
                        t.learningRate(), t.adamBeta1(), t.adamBeta2(), t.adamEpsilon(), t.gradClipNorm(),
                        t.surrogate(), t.detachReset(), t.regulariser(), t.rateRegulariser(), t.trainInput(),
                        t.eprop()));
        Network network = NetworkFactory.build(config, Path.of("."));
        LearningRule rule = LearningRules.of(network);
        Params params = Params.of(network);
        InputBatch input = PoissonEncoder.background(batch, steps, network.nIn(), 40.0, 1.0, new SplittableRandom(7));
        SplittableRandom random = new SplittableRandom(8);
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = random.nextInt(2);
        }
        double[] mask = new double[steps];
        for (int s = Math.max(0, steps - 150); s < steps; s++) {
            mask[s] = 1.0 / Math.min(150, steps);
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] seconds = new double[iterations];
        double[] cpuSeconds = new double[iterations];
        long allocated = 0;
        double loss = 0;
        for (int i = 0; i < iterations; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            BatchResult result = rule.run(params, input, labels, mask);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
            loss = result.taskLoss();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        System.out.printf(Locale.ROOT, "{\"method\": \"%s\", \"steps\": %d, \"batch\": %d, \"n_rec\": %d, "
                + "\"iterations\": %d, \"median_seconds_per_iteration\": %.3f, \"median_cpu_seconds_per_iteration\": %.3f, \"peak_heap_bytes\": %d, "
                + "\"input_batch_bytes\": %d, \"allocated_bytes_per_iteration\": %d, \"task_loss\": %.6f}%n",
                method.name().toLowerCase(Locale.ROOT), steps, batch, network.nRec(), iterations,
                seconds[iterations / 2], cpuSeconds[iterations / 2], peak, 8L * input.values().length, allocated, loss);
    }
}
