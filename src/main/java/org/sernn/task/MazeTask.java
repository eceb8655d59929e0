package org.sernn.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The maze task of Achterberg, Akarca et al. (Nature Machine Intelligence 2023), a one-step
 * inference working-memory task, exactly as the original generator {@code mazeGeneratorI} (GitHub
 * 8erberg/spatially-embedded-RNN) builds it with goal 20, delay 10 and choices 20 steps.
 *
 * <p>Input channels: 0-3 one-hot goal cell (7, 9, 17, 19 of the 5 x 5 maze, see
 * {@link MazeProblem#GOAL_CELLS}); 4-7 the two available first steps (left, up, right, down, see
 * {@link MazeDirection#channel()}). A trial shows the goal for task steps 0-19, nothing for steps
 * 20-29 and the two choices for steps 30-49; every other value is 0. The label is the correct first
 * step as a class (0 left, 1 up, 2 right, 3 down). Each trial draws one of the eight
 * {@link MazeProblem}s uniformly, as the original's {@code np.random.randint(0, 8, n)} does.
 *
 * <p>Factors per trial: {@code goal} (goal index 0-3), {@code choice_pair} (index of the unordered
 * pair of choices, {@link MazeProblem#CHOICE_PAIRS}) and {@code problem} (0-7, the order of
 * {@link MazeProblem}).
 *
 * <p>Shuffled labels (the paper's random-task control): the original permutes the labels across the
 * trials of a data set, which makes a trial's label independent of its input while keeping the
 * label counts. Here each trial's label is instead drawn uniformly from the four classes,
 * independently of its problem. Because every class is the answer of exactly two of the eight
 * problems, the labels of the intact task are uniform too, so the two controls have the same
 * distribution; only the exact per-data-set label counts are no longer fixed. Inputs and factors
 * are those of the intact task.
 */
public final class MazeTask extends FixedShapeTask {
    public static final String NAME = "maze";
    public static final int GOAL_STEPS = 20;
    public static final int DELAY_STEPS = 10;
    public static final int CHOICE_STEPS = 20;
    public static final int TASK_STEPS = GOAL_STEPS + DELAY_STEPS + CHOICE_STEPS;
    public static final int CHANNELS = MazeProblem.GOAL_CELLS.size() + MazeDirection.values().length;
    public static final int CLASSES = MazeDirection.values().length;
    public static final List<String> FACTOR_NAMES = List.of("goal", "choice_pair", "problem");

    private static final MazeProblem[] PROBLEMS = MazeProblem.values();

    private final boolean shuffledLabels;

    /** @param shuffledLabels draw every label uniformly at random, independent of the input (control) */
    public MazeTask(boolean shuffledLabels) {
        super(NAME, CHANNELS, CLASSES, TASK_STEPS);
        this.shuffledLabels = shuffledLabels;
    }

    public boolean shuffledLabels() {
        return shuffledLabels;
    }

    /** Per trial: the problem, then (with shuffled labels) the label, both from {@code random}. */
    @Override
    public TaskBatch sample(int trials, SplittableRandom random) {
        double[] values = new double[BatchSize.values(NAME, trials, TASK_STEPS, CHANNELS)];
        int[] labels = new int[trials];
        int[][] factors = new int[trials][];
        for (int trial = 0; trial < trials; trial++) {
            MazeProblem problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
            writeInputs(problem, values, trial * TASK_STEPS * CHANNELS);
            labels[trial] = shuffledLabels ? random.nextInt(CLASSES) : problem.answer().classIndex();
            factors[trial] = new int[] {problem.goalIndex(), problem.choicePairIndex(), problem.ordinal()};
        }
        return new TaskBatch(trials, TASK_STEPS, CHANNELS, values, labels, factors,
                FACTOR_NAMES.toArray(String[]::new));
    }

    private static void writeInputs(MazeProblem problem, double[] values, int trialOffset) {
        for (int step = 0; step < GOAL_STEPS; step++) {
            values[trialOffset + step * CHANNELS + problem.goalIndex()] = 1.0;
        }
        for (MazeDirection choice : problem.choices()) {
            for (int step = GOAL_STEPS + DELAY_STEPS; step < TASK_STEPS; step++) {
                values[trialOffset + step * CHANNELS + choice.channel()] = 1.0;
            }
        }
    }

    /** Goal shown, delay, then the choice period (Achterberg, Akarca et al. 2023). */
    @Override
    public List<TaskPhase> phases() {
        return List.of(new TaskPhase("goal", 0, GOAL_STEPS), new TaskPhase("delay", GOAL_STEPS, GOAL_STEPS + DELAY_STEPS),
                new TaskPhase("choice", GOAL_STEPS + DELAY_STEPS, TASK_STEPS));
    }
}
