package org.sernn.train;

import java.util.SplittableRandom;
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

    public boolean hasLabels() {
        return labels != null;
    }
}
