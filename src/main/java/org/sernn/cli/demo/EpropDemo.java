package org.sernn.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.SpikingBptt;
import org.sernn.train.Surrogate;
import org.sernn.train.TaskInputs;
import org.sernn.train.Trainer;

/**
 * The demo's e-prop part (a few seconds to half a minute): on one batch of the model's task, e-prop's
 * gradient against BPTT with the recurrent spikes' gradient stopped (equal up to rounding) and against
 * full BPTT (cosine similarity: how much e-prop's approximation keeps); then a short e-prop training
 * run of the same model (a few iterations, small splits). Returns the lines it printed.
 */
public final class EpropDemo {
    private static final int GRADIENT_TRIALS = 16;
    private static final int TRAIN_TRIALS = 640;
    private static final int VALIDATION_TRIALS = 256;
    private static final int EPOCHS = 6;

    private EpropDemo() {
    }

    public static List<String> run(ModelConfig model, Path out, PrintStream log) {
        ModelConfig config = shortEprop(model);
        Network network = NetworkFactory.build(config, Path.of("."));
        List<String> lines = new ArrayList<>();
        Task task = Tasks.of(config);
        TaskBatch trials = task.sample(GRADIENT_TRIALS, new SplittableRandom(config.seed()));
        TaskInputs inputs = new TaskInputs(config, task);
        var input = inputs.encodeWithoutNoise(trials, new SplittableRandom(config.seed() + 1));
        Params params = Params.of(network);
        ModelConfig.Training t = config.training();
        Surrogate surrogate = Surrogate.of(t.surrogate());
        double cReg = t.rateRegulariser().cReg();
        double target = t.rateRegulariser().targetHz();
        Params eprop = LearningRules.of(network).run(params, input, trials.labels(), inputs.lossMask()).gradients();
        Params stopped = new SpikingBptt(network.neurons(), surrogate, t.detachReset(), true, cReg, target)
                .run(params, input, trials.labels(), inputs.lossMask()).gradients();
        Params full = new SpikingBptt(network.neurons(), surrogate, t.detachReset(), cReg, target)
                .run(params, input, trials.labels(), inputs.lossMask()).gradients();
        lines.add(String.format(Locale.ROOT, "e-prop vs BPTT with stopped recurrent spikes, %d %s trials: largest "
                + "difference %.2e of the largest entry", GRADIENT_TRIALS, task.name(), relativeDifference(eprop, stopped)));
        lines.add(String.format(Locale.ROOT, "e-prop vs full BPTT, cosine similarity: w_in %.3f, w_rec %.3f, w_out %.3f",
                cosine(eprop.wIn, full.wIn), cosine(eprop.wRec, full.wRec), cosine(eprop.wOut, full.wOut)));
        lines.forEach(line -> log.println("   " + line));
        long start = System.nanoTime();
        Trainer.Result result = new Trainer(network, out, log, false).run(false);
        int iterations = EPOCHS * ((TRAIN_TRIALS + t.batchSize() - 1) / t.batchSize());
        String trained = String.format(Locale.ROOT, "e-prop training, %d iterations of %d trials: validation accuracy "
                + "%.3f, test accuracy %.3f (%.1f s, %s)", iterations, t.batchSize(), result.validationAccuracy(),
                result.testAccuracy(), (System.nanoTime() - start) / 1e9, out.resolve("model.npz"));
        log.println("   " + trained);
        lines.add(trained);
        return lines;
    }

    private static ModelConfig shortEprop(ModelConfig c) {
        ModelConfig.Training t = c.training();
        ModelConfig.TaskSpec s = c.task();
        return c.withName(c.name() + "-eprop")
                .withTask(s.withTrials(TRAIN_TRIALS, VALIDATION_TRIALS, VALIDATION_TRIALS))
                .withTraining(t.withLearningRule(LearningRuleKind.EPROP).withEpochs(EPOCHS));
    }

    private static double relativeDifference(Params a, Params b) {
        double largest = 0;
        double difference = 0;
        double[][] x = a.arrays();
        double[][] y = b.arrays();
        for (int k = 0; k < x.length; k++) {
            for (int i = 0; i < x[k].length; i++) {
                largest = Math.max(largest, Math.abs(y[k][i]));
                difference = Math.max(difference, Math.abs(x[k][i] - y[k][i]));
            }
        }
        return difference / largest;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }
}
