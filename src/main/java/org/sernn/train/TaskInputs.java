package org.sernn.train;

import java.util.SplittableRandom;
import org.sernn.UserError;
import org.sernn.model.LossSpan;
import org.sernn.model.ModelConfig;
import org.sernn.sim.InputBatch;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.TaskTiming;
import org.sernn.task.InputEncoder;

/**
 * What a network sees of a task batch: values stretched over simulation steps, encoded as the
 * config says (current or Poisson), plus Gaussian input noise for rate networks (sigma 0.05 in the
 * original seRNN), and the loss mask (the final window, or the whole trial with
 * {@code task.loss_over: sequence}; weights summing to 1).
 */
public final class TaskInputs {
    private final ModelConfig config;
    private final TaskTiming timing;
    private final double[] lossMask;

    public TaskInputs(ModelConfig config, Task task) {
        this.config = config;
        ModelConfig.TaskSpec spec = config.task();
        if (spec.lossOver() == LossSpan.WINDOW && spec.lossWindow() > task.taskSteps()) {
            throw new UserError("config " + config.name() + ": key 'task.loss_window': value " + spec.lossWindow()
                    + " is not allowed; must be at most the " + task.taskSteps() + " task steps of a " + task.name()
                    + " trial");
        }
        int window = spec.lossOver() == LossSpan.SEQUENCE ? task.taskSteps() : spec.lossWindow();
        this.timing = new TaskTiming(spec.stepsPerTaskStep(), window);
        this.lossMask = normalised(timing.lossMask(task));
    }

    /** Weights summing to 1, so that the loss is the mean cross-entropy over the window, whatever its length. */
    private static double[] normalised(double[] mask) {
        double sum = 0;
        for (double weight : mask) {
            sum += weight;
        }
        double[] out = new double[mask.length];
        for (int t = 0; t < mask.length; t++) {
            out[t] = mask[t] / sum;
        }
        return out;
    }

    public double[] lossMask() {
        return lossMask.clone();
    }

    /** Training input: encoded, with the config's input noise. */
    public InputBatch encode(TaskBatch batch, SplittableRandom encoding, SplittableRandom noise) {
        InputBatch input = encodeWithoutNoise(batch, encoding);
        double sigma = config.task().inputNoiseStd();
        if (sigma == 0.0) {
            return input;
        }
        double[] values = input.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] += sigma * noise.nextGaussian();
        }
        return new InputBatch(input.trials(), input.steps(), input.channels(), values);
    }

    /** Evaluation input: encoded, without noise (as Keras' GaussianNoise, active in training only). */
    public InputBatch encodeWithoutNoise(TaskBatch batch, SplittableRandom encoding) {
        return InputEncoder.encode(config, timing.stretch(batch), encoding);
    }
}
