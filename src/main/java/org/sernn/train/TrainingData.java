package org.sernn.train;

import org.sernn.UserError;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.task.Task;
import org.sernn.task.Tasks;
import org.sernn.task.TrialSplits;

/**
 * What a training run draws from: the config's task (its default settings when the config names
 * none), the fixed train, validation and test splits of the config's seed, and the input encoder
 * with its loss mask.
 */
public record TrainingData(Task task, TrialSplits data, TaskInputs inputs, double[] lossMask) {

    /** The data of {@code network}'s config; a task whose sizes differ from the network's is refused. */
    public static TrainingData of(Network network) {
        ModelConfig config = network.config();
        ModelConfig.TaskSpec taskSpec = taskSpec(config);
        Task task = requireTaskSizes(network, "config " + config.name());
        TrialSplits data = TrialSplits.of(task, taskSpec, config.seed());
        TaskInputs inputs = new TaskInputs(config.task() != null ? config : config.withTask(taskSpec), task);
        return new TrainingData(task, data, inputs, inputs.lossMask());
    }

    /**
     * The config's task, which must match the network's sizes.
     *
     * @param source names the config in the message (its file, where there is one)
     */
    public static Task requireTaskSizes(Network network, String source) {
        ModelConfig.TaskSpec spec = taskSpec(network.config());
        Task task = Tasks.of(spec, network.config().neuron().dtMs());
        if (task.inputChannels() != network.nIn() || task.classes() != network.nOut()) {
            throw new UserError(source + ": task " + task.name() + " has " + task.inputChannels() + " inputs and "
                    + task.classes() + " classes; set sizes.inputs and sizes.outputs to match (they are "
                    + network.nIn() + " and " + network.nOut() + ")");
        }
        return task;
    }

    private static ModelConfig.TaskSpec taskSpec(ModelConfig config) {
        return config.task() != null ? config.task() : ModelConfig.TaskSpec.DEFAULT;
    }
}
