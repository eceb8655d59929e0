package org.sernn.train;

import java.util.SplittableRandom;
import org.sernn.model.MemoryBudget;
import org.sernn.model.ModelConfig;
import org.sernn.sim.InputBatch;
import org.sernn.task.DefaultDrive;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;

/**
 * Trials to run a model on outside training: fresh trials of its task, encoded as it was trained
 * (without noise), or, for a model without a task, its background drive (labels null).
 */
public record TaskTrials(InputBatch input, int[] labels, double[] lossMask, TaskBatch trials) {

    public static TaskTrials draw(ModelConfig config, int count, long seed) {
        if (config.task() == null) {
            return new TaskTrials(DefaultDrive.input(config, count, new SplittableRandom(seed)), null, null, null);
        }
        Task task = Tasks.of(config);
        TaskBatch batch = task.sample(count, new SplittableRandom(seed));
        TaskInputs inputs = new TaskInputs(config, task);
        return new TaskTrials(inputs.encodeWithoutNoise(batch, new SplittableRandom(seed + 1)), batch.labels(),
                inputs.lossMask(), batch);
    }

    /** Simulation steps of one trial: the task's, stretched, or the background drive's. */
    public static long stepsPerTrial(ModelConfig config) {
        if (config.task() == null) {
            return Math.max(1, Math.round(config.input().background().durationMs() / config.neuron().dtMs()));
        }
        Task task = Tasks.of(config);
        return (long) task.taskSteps() * config.task().stepsPerTaskStep();
    }

    /**
     * Refuses up front a trial count whose inputs and recordings (8 bytes per value: inputs, readout
     * and, with {@code states}, voltages and thresholds) cannot exist in this JVM.
     *
     * @param option how the user gave the count, for the message
     */
    public static void requireMemory(ModelConfig config, long trials, boolean states, String option) {
        long values = MemoryBudget.times(trials, stepsPerTrial(config));
        long perStep = config.sizes().inputs() + config.sizes().outputs() + (states ? 2L * config.sizes().recurrent() : 0);
        long largest = MemoryBudget.times(values, Math.max(config.sizes().inputs(),
                states ? config.sizes().recurrent() : config.sizes().outputs()));
        MemoryBudget.require(option + " " + trials, largest, MemoryBudget.times(8, MemoryBudget.times(values, perStep)),
                trials + " trials of " + stepsPerTrial(config) + " steps");
    }

    public boolean hasLabels() {
        return labels != null;
    }
}
