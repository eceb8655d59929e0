package org.sernn.task;

import java.util.List;
import org.sernn.model.TaskNames;

/** The tasks by their config names. */
public final class Tasks {
    /** Names {@link #byName} accepts: the config's task names. */
    public static final List<String> NAMES = TaskNames.ALL;

    private Tasks() {
    }

    /**
     * @param shuffledLabels the random-task control of Achterberg, Akarca et al. (2023); defined for
     *                       the maze only
     * @throws IllegalArgumentException for an unknown name (the message lists {@link #NAMES}) or
     *                                  shuffled labels on a task other than the maze
     */
    public static Task byName(String name, boolean shuffledLabels) {
        if (shuffledLabels && !MazeTask.NAME.equals(name)) {
            throw new IllegalArgumentException("shuffled labels are defined for the " + MazeTask.NAME
                    + " task only, not for '" + name + "'");
        }
        return switch (name) {
            case MazeTask.NAME -> new MazeTask(shuffledLabels);
            case GoNoGoTask.NAME -> new GoNoGoTask();
            case PerceptualDecisionTask.NAME -> new PerceptualDecisionTask();
            case EvidenceAccumulationTask.NAME -> new EvidenceAccumulationTask();
            default -> throw new IllegalArgumentException("unknown task '" + name + "'; allowed: "
                    + String.join(", ", NAMES));
        };
    }
}
