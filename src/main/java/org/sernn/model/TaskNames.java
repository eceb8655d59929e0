package org.sernn.model;

import java.util.List;
import java.util.Map;

/**
 * The names a config's {@code task.name} may take: part of the config's vocabulary, like the
 * neuron types, so that the config is checked without the task package; {@code Tasks.byName} builds
 * a task for each of them (its test holds the two lists equal).
 */
public final class TaskNames {
    public static final List<String> ALL = List.of("maze", "go_nogo", "perceptual_decision", "evidence_accumulation");
    /**
     * Each task's trial length in task steps, so that {@code task.loss_window} is checked with the
     * config (its test holds these equal to the tasks' own {@code taskSteps()}).
     */
    public static final Map<String, Integer> TASK_STEPS = Map.of("maze", 50, "go_nogo", 40,
            "perceptual_decision", 42, "evidence_accumulation", 45);

    private TaskNames() {
    }
}
