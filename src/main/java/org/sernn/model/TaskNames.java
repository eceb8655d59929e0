package org.sernn.model;

import java.util.List;
import java.util.Map;

/**
 * The names a config's {@code task.name} may take: part of the config's vocabulary, like the
 * neuron types, so that the config is checked without the task package; {@code Tasks.of} builds
 * a task for each of them (its test holds the lists equal).
 */
public final class TaskNames {
    public static final String SEQUENTIAL_IMAGE = "sequential_image";
    public static final String SHD = "shd";
    public static final List<String> ALL = List.of("maze", "go_nogo", "perceptual_decision", "evidence_accumulation",
            SEQUENTIAL_IMAGE, SHD);
    /** The tasks over recorded data sets, which read the files named by {@code task.path} (docs/data.md). */
    public static final List<String> RECORDED = List.of(SEQUENTIAL_IMAGE, SHD);
    /**
     * The synthetic tasks' trial lengths in task steps, so that {@code task.loss_window} is checked
     * with the config (its test holds these equal to the tasks' own {@code taskSteps()}). A recorded
     * task's length depends on its data and is checked when the task is built.
     */
    public static final Map<String, Integer> TASK_STEPS = Map.of("maze", 50, "go_nogo", 40,
            "perceptual_decision", 42, "evidence_accumulation", 45);

    private TaskNames() {
    }
}
