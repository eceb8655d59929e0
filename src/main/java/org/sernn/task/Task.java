package org.sernn.task;

import java.util.SplittableRandom;

/**
 * A supervised classification task on sequences. A task speaks in task steps; {@link TaskTiming}
 * stretches each task step over several simulation steps for spiking networks and places the loss
 * window. Implementations are immutable; all randomness comes from the random given.
 */
public interface Task {
    /** Short name as used in configs, e.g. {@code maze}. */
    String name();

    int inputChannels();

    int classes();

    /** Length of a trial in task steps. */
    int taskSteps();

    /** Draws a batch of trials: input values in [0, 1] per task step, a label and factors per trial. */
    TaskBatch sample(int trials, SplittableRandom random);

    /** The parts of a trial in order (e.g. goal, delay, choice); empty when the task has none. */
    default java.util.List<TaskPhase> phases() {
        return java.util.List.of();
    }
}
