package org.sernn.task;

/**
 * The four first-step directions of the maze task, in the order the original generator
 * ({@code mazeGeneratorI}, GitHub 8erberg/spatially-embedded-RNN; Achterberg, Akarca et al., Nature
 * Machine Intelligence 2023) uses for both the choice channels and the answer classes:
 * {@code {'l':1, 'u':2, 'r':3, 'd':4}}, one-based there, zero-based here.
 */
public enum MazeDirection {
    LEFT, UP, RIGHT, DOWN;

    /** The answer class of this direction (0 left, 1 up, 2 right, 3 down). */
    public int classIndex() {
        return ordinal();
    }

    /** The input channel that shows this direction as an available choice (4 left .. 7 down). */
    public int channel() {
        return MazeProblem.GOAL_CELLS.size() + ordinal();
    }
}
