package org.sernn.model;

import java.util.List;

/**
 * The names a config's {@code task.name} may take: part of the config's vocabulary, like the
 * neuron types, so that the config is checked without the task package; {@code Tasks.byName} builds
 * a task for each of them (its test holds the two lists equal).
 */
public final class TaskNames {
    public static final List<String> ALL = List.of("maze", "go_nogo", "perceptual_decision", "evidence_accumulation");

    private TaskNames() {
    }
}
