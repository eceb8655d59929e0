package org.sernn.task;

import java.util.List;
import org.sernn.model.ModelConfig;
import org.sernn.model.TaskNames;

/** The tasks by their config names. */
public final class Tasks {
    /** Names {@link #of} accepts: the config's task names. */
    public static final List<String> NAMES = TaskNames.ALL;
    /** The tasks over recorded data sets, which read files named by {@code task.path}. */
    public static final List<String> RECORDED = TaskNames.RECORDED;

    private Tasks() {
    }

    /**
     * The task a spec describes; {@code dtMs} is the simulation step, which sets the bins of
     * spike recordings. {@code shuffledLabels} is the random-task control of Achterberg, Akarca et
     * al. (2023), defined for the maze only.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists {@link #NAMES}) or
     *                                  shuffled labels on a task other than the maze
     * @throws org.sernn.UserError      if a recorded task's files are missing or malformed
     */
    public static Task of(ModelConfig.TaskSpec spec, double dtMs) {
        String name = spec.name();
        if (spec.shuffledLabels() && !MazeTask.NAME.equals(name)) {
            throw new IllegalArgumentException("shuffled labels are defined for the " + MazeTask.NAME
                    + " task only, not for '" + name + "'");
        }
        return switch (name) {
            case MazeTask.NAME -> new MazeTask(spec.shuffledLabels());
            case GoNoGoTask.NAME -> new GoNoGoTask();
            case PerceptualDecisionTask.NAME -> new PerceptualDecisionTask();
            case EvidenceAccumulationTask.NAME -> new EvidenceAccumulationTask();
            case SequentialImageTask.NAME -> new SequentialImageTask(spec);
            case ShdTask.NAME -> new ShdTask(spec, dtMs);
            default -> throw new IllegalArgumentException("unknown task '" + name + "'; allowed: "
                    + String.join(", ", NAMES));
        };
    }

    /** The task of a model config (the maze with defaults when it has none). */
    public static Task of(ModelConfig config) {
        return of(config.task() != null ? config.task() : ModelConfig.TaskSpec.DEFAULT, config.neuron().dtMs());
    }
}
