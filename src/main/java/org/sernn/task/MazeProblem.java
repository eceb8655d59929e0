package org.sernn.task;

import static org.sernn.task.MazeDirection.DOWN;
import static org.sernn.task.MazeDirection.LEFT;
import static org.sernn.task.MazeDirection.RIGHT;
import static org.sernn.task.MazeDirection.UP;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The eight problems of the maze task (first choices of the two-step mazes), in the row order of
 * the original generator's table ({@code mazeGeneratorI.import_maze_dic}, GitHub
 * 8erberg/spatially-embedded-RNN; Achterberg, Akarca et al., Nature Machine Intelligence 2023):
 * goal cell on the 5 x 5 maze, the two available first steps, and the correct first step.
 *
 * <p>Choice pairs are numbered by the order in which each unordered pair first occurs in this
 * table: 0 {left, up}, 1 {right, down}, 2 {left, down}, 3 {up, right}, 4 {left, right}.
 */
public enum MazeProblem {
    GOAL_9_LEFT_UP(9, LEFT, UP, UP),
    GOAL_9_RIGHT_DOWN(9, RIGHT, DOWN, RIGHT),
    GOAL_19_LEFT_DOWN(19, LEFT, DOWN, DOWN),
    GOAL_17_RIGHT_DOWN(17, RIGHT, DOWN, DOWN),
    GOAL_17_UP_LEFT(17, UP, LEFT, LEFT),
    GOAL_7_UP_RIGHT(7, UP, RIGHT, UP),
    GOAL_19_LEFT_RIGHT(19, LEFT, RIGHT, RIGHT),
    GOAL_7_LEFT_RIGHT(7, LEFT, RIGHT, LEFT);

    /** Goal cells in the order of goal channels 0-3 (the original's one-hot map 7, 9, 17, 19). */
    public static final List<Integer> GOAL_CELLS = List.of(7, 9, 17, 19);

    /** The distinct unordered choice pairs, indexed by {@link #choicePairIndex()}. */
    public static final List<Set<MazeDirection>> CHOICE_PAIRS = distinctChoicePairs();

    private final int goalCell;
    private final MazeDirection firstChoice;
    private final MazeDirection secondChoice;
    private final MazeDirection answer;

    MazeProblem(int goalCell, MazeDirection firstChoice, MazeDirection secondChoice, MazeDirection answer) {
        this.goalCell = goalCell;
        this.firstChoice = firstChoice;
        this.secondChoice = secondChoice;
        this.answer = answer;
    }

    public int goalCell() {
        return goalCell;
    }

    /** Index of the goal in {@link #GOAL_CELLS}, which is also its input channel. */
    public int goalIndex() {
        return GOAL_CELLS.indexOf(goalCell);
    }

    public Set<MazeDirection> choices() {
        return Set.of(firstChoice, secondChoice);
    }

    public int choicePairIndex() {
        return CHOICE_PAIRS.indexOf(choices());
    }

    public MazeDirection answer() {
        return answer;
    }

    private static List<Set<MazeDirection>> distinctChoicePairs() {
        List<Set<MazeDirection>> pairs = new ArrayList<>();
        for (MazeProblem problem : values()) {
            if (!pairs.contains(problem.choices())) {
                pairs.add(problem.choices());
            }
        }
        return List.copyOf(pairs);
    }
}
