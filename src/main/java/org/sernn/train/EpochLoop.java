package org.sernn.train;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sernn.UserError;
import org.sernn.model.ModelConfig;
import org.sernn.sim.InputBatch;
import org.sernn.task.TaskBatch;
import org.sernn.task.TrialSet;
import org.sernn.train.TrainingSeeds.Purpose;
import org.sernn.util.Permutations;

/**
 * One epoch of minibatch training, shared by {@link Trainer} and on-chip training: the training
 * split in a seeded order, each batch encoded with its own seeded streams, the learning rule's
 * gradient plus the structural regulariser's, a non-finite loss or gradient refused, norm clipping
 * (training.grad_clip_norm), Adam (then the neuron model's per-unit parameters clamped into their
 * ranges), a non-finite weight refused. Where the weights live between
 * batches is the {@link WeightStore}'s business.
 */
public final class EpochLoop {
    private final ModelConfig config;
    private final LearningRule rule;
    private final Regulariser regulariser;
    private final WeightTransform forward;
    private final IntFunction<String> recovery;

    /**
     * @param recovery what to tell the user after a divergence in epoch e (e.g. the last good
     *                 checkpoint), given e
     */
    public EpochLoop(ModelConfig config, LearningRule rule, Regulariser regulariser,
            WeightTransform forward, IntFunction<String> recovery) {
        this.config = config;
        this.rule = rule;
        this.regulariser = regulariser;
        this.forward = forward;
        this.recovery = recovery;
    }

    /** Where the trained weights live: in memory, or on devices read before and written after each step. */
    public interface WeightStore {
        WeightStore IN_MEMORY = new WeightStore() {
        };

        /** Brings {@code params} to the weights this batch's forward pass sees (on a chip: a noisy read). */
        default void beforeBatch(Params params) {
        }

        /** Whether {@link #afterUpdate} needs the weights before the update. */
        default boolean wantsPrevious() {
            return false;
        }

        /** After the optimiser moved {@code params} from {@code previous} (null unless wanted). */
        default void afterUpdate(Params previous, Params params) {
        }
    }

    /**
     * One epoch over {@code data}'s training split; a non-null {@code progress} asks for a progress bar,
     * drawn on stderr and only when that is a terminal.
     */
    public EpochTotals epoch(int epoch, TrainingData data, Params params, Adam adam, WeightStore store,
            PrintStream progress) {
        TrialSet train = data.data().train();
        int trials = train.trials();
        int batchSize = Math.min(config.training().batchSize(), trials);
        int batches = (trials + batchSize - 1) / batchSize;
        int[] order = Permutations.random(trials, TrainingSeeds.stream(config.seed(), epoch, 0, Purpose.SHUFFLE));
        EpochTotals totals = new EpochTotals();
        // A bar only on a terminal, on stderr: redrawn frames must never reach a log file or stdout.
        try (ProgressBar bar = progress == null || System.console() == null ? null : progressBar(epoch, batches)) {
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int[] indices = Arrays.copyOfRange(order, from, Math.min(trials, from + batchSize));
                TaskBatch batch = train.slice(indices);
                InputBatch input = data.inputs().encode(batch,
                        TrainingSeeds.stream(config.seed(), epoch, b, Purpose.ENCODING),
                        TrainingSeeds.stream(config.seed(), epoch, b, Purpose.NOISE));
                Step step = batch(epoch, b, params, adam, store, input, batch.labels(), data.lossMask());
                totals.add(step.result(), step.regulariserLoss(), indices.length, input.steps());
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.2f", step.loss(),
                            (double) step.result().correct() / indices.length));
                }
            }
        }
        return totals;
    }

    /** What one batch gave: the rule's result, the regulariser's value and the total loss. */
    public record Step(BatchResult result, double regulariserLoss, double loss) {
    }

    /** One batch (batch {@code b} of {@code epoch}, for messages): gradient, checks, clipping, Adam. */
    public Step batch(int epoch, int b, Params params, Adam adam, WeightStore store, InputBatch input, int[] labels,
            double[] lossMask) {
        store.beforeBatch(params);
        BatchResult result = rule.run(forward.forward(params), input, labels, lossMask);
        Params gradients = result.gradients();
        double regulariserLoss = regulariser.addValueAndGradient(params.wRec, params.nRec, gradients.wRec);
        double loss = result.taskLoss() + result.rateLoss() + regulariserLoss;
        if (!Double.isFinite(loss) || !gradients.allFinite()) {
            throw diverged(epoch, b, "the loss or its gradient is " + loss);
        }
        double clip = config.training().gradClipNorm();
        double norm = Math.sqrt(gradients.squaredNorm());
        if (clip > 0 && norm > clip) {
            gradients.scale(clip / norm);
        }
        Params previous = store.wantsPrevious() ? params.copy() : null;
        adam.update(params, gradients);
        params.clampNeuron(); // the neuron model's per-unit parameters back into their ranges (adLIF, as sparch)
        if (!params.allFinite()) {
            throw diverged(epoch, b, "a weight became non-finite");
        }
        store.afterUpdate(previous, params);
        return new Step(result, regulariserLoss, loss);
    }

    private ProgressBar progressBar(int epoch, int batches) {
        return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + config.training().epochs())
                .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setConsumer(
                        new ConsoleProgressBarConsumer(System.err)).build();
    }

    private UserError diverged(int epoch, int batch, String what) {
        return new UserError(String.format(Locale.ROOT, "training diverged at epoch %d, batch %d: %s.%s Try a smaller "
                + "training.learning_rate or set training.grad_clip_norm.", epoch, batch, what, recovery.apply(epoch)));
    }
}
