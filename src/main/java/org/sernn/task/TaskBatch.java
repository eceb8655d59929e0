package org.sernn.task;

/**
 * Trials of a task, in task steps.
 *
 * @param values  input values[(trial * taskSteps + step) * channels + channel], in [0, 1]
 * @param labels  the target class of each trial
 * @param factors task variables of each trial for analysis, factors[trial][k] (e.g. maze: goal
 *                index and choice-pair index), named by {@code factorNames}
 */
public record TaskBatch(int trials, int taskSteps, int channels, double[] values, int[] labels, int[][] factors,
        String[] factorNames) implements TrialSet {

    public TaskBatch {
        if (values.length != trials * taskSteps * channels || labels.length != trials || factors.length != trials) {
            throw new IllegalArgumentException("task batch arrays do not match (" + trials + ", " + taskSteps + ", "
                    + channels + ")");
        }
    }

    @Override
    public TaskBatch slice(int[] indices) {
        return TaskDatasets.slice(this, indices);
    }
}
