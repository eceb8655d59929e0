package org.sernn.task;

import org.sernn.sim.InputBatch;

/**
 * How task steps map onto simulation steps. Each task step lasts {@code stepsPerTaskStep}
 * simulation steps, over which its input values are held (repeated); whether they then enter as
 * currents or as Poisson spikes is the {@link InputEncoder}'s business. The loss is taken on the
 * final {@code lossWindowTaskSteps} task steps, all their simulation steps weighted 1: 1 for the
 * maze (the original reads out only the last step; Achterberg, Akarca et al. 2023), the decision
 * period for Go/No-go and perceptual decision making.
 *
 * @param stepsPerTaskStep    simulation steps per task step, at least 1
 * @param lossWindowTaskSteps task steps at the end of a trial that enter the loss, at least 1
 */
public record TaskTiming(int stepsPerTaskStep, int lossWindowTaskSteps) {

    public TaskTiming {
        if (stepsPerTaskStep < 1) {
            throw new IllegalArgumentException("steps per task step must be at least 1, got " + stepsPerTaskStep);
        }
        if (lossWindowTaskSteps < 1) {
            throw new IllegalArgumentException("the loss window must be at least 1 task step, got "
                    + lossWindowTaskSteps);
        }
    }

    /**
     * The batch in simulation steps: out(trial, step * k + r, channel) = in(trial, step, channel)
     * for r in 0..k-1, k = stepsPerTaskStep.
     */
    public InputBatch stretch(TaskBatch batch) {
        int k = stepsPerTaskStep;
        int channels = batch.channels();
        long size = (long) batch.trials() * batch.taskSteps() * k * channels;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stretching " + batch.trials() + " trials of " + batch.taskSteps()
                    + " task steps by " + k + " needs " + size + " values, more than one array holds");
        }
        double[] in = batch.values();
        double[] out = new double[(int) size];
        int rows = batch.trials() * batch.taskSteps();
        for (int row = 0; row < rows; row++) {
            for (int r = 0; r < k; r++) {
                System.arraycopy(in, row * channels, out, (row * k + r) * channels, channels);
            }
        }
        return new InputBatch(batch.trials(), batch.taskSteps() * k, channels, out);
    }

    /** Weight of each simulation step in the loss: 1 on the last lossWindowTaskSteps task steps, else 0. */
    public double[] lossMask(Task task) {
        int taskSteps = task.taskSteps();
        if (lossWindowTaskSteps > taskSteps) {
            throw new IllegalArgumentException("the loss window of " + lossWindowTaskSteps
                    + " task steps is longer than the " + taskSteps + " task steps of " + task.name());
        }
        long steps = (long) taskSteps * stepsPerTaskStep;
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(task.name() + ": " + taskSteps + " task steps of " + stepsPerTaskStep
                    + " simulation steps each are too many");
        }
        double[] mask = new double[(int) steps];
        for (int step = (taskSteps - lossWindowTaskSteps) * stepsPerTaskStep; step < mask.length; step++) {
            mask[step] = 1.0;
        }
        return mask;
    }
}
