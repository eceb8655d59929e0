package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MazeTaskTest {
    /**
     * The eight problems of the seRNN maze (docs/tasks.md; mazeGeneratorI) written out as channels, by hand:
     * {goal channel, first choice channel, second choice channel, answer class}. Goal channels
     * 0..3 = cells 7, 9, 17, 19; choice channels 4..7 = left, up, right, down; classes 0..3 =
     * left, up, right, down.
     */
    private static final int[][] DOCUMENTED = {
        {1, 4, 5, 1}, // goal 9, left + up, up
        {1, 6, 7, 2}, // goal 9, right + down, right
        {3, 4, 7, 3}, // goal 19, left + down, down
        {2, 6, 7, 3}, // goal 17, right + down, down
        {2, 5, 4, 0}, // goal 17, up + left, left
        {0, 5, 6, 1}, // goal 7, up + right, up
        {3, 4, 6, 2}, // goal 19, left + right, right
        {0, 4, 6, 0}, // goal 7, left + right, left
    };
    /** Choice-pair index per problem: {l,u}=0, {r,d}=1, {l,d}=2, {u,r}=3, {l,r}=4 (first occurrence). */
    private static final int[] PAIR = {0, 1, 2, 1, 0, 3, 4, 4};

    private static double[] documentedInputs(int problem) {
        double[] expected = new double[50 * 8];
        for (int step = 0; step < 20; step++) {
            expected[step * 8 + DOCUMENTED[problem][0]] = 1.0;
        }
        for (int step = 30; step < 50; step++) {
            expected[step * 8 + DOCUMENTED[problem][1]] = 1.0;
            expected[step * 8 + DOCUMENTED[problem][2]] = 1.0;
        }
        return expected;
    }

    private static double[] trialInputs(TaskBatch batch, int trial) {
        int stride = batch.taskSteps() * batch.channels();
        return Arrays.copyOfRange(batch.values(), trial * stride, (trial + 1) * stride);
    }

    @Test
    void describesItselfAsTheOriginal() {
        MazeTask task = new MazeTask(false);
        assertEquals("maze", task.name());
        assertEquals(8, task.inputChannels());
        assertEquals(4, task.classes());
        assertEquals(50, task.taskSteps());
        TaskBatch batch = task.sample(3, new SplittableRandom(1));
        assertArrayEquals(new String[] {"goal", "choice_pair", "problem"}, batch.factorNames());
        assertEquals(5, MazeProblem.CHOICE_PAIRS.size());
    }

    @Test
    void everyProblemShowsItsDocumentedInputsFactorsAndAnswer() {
        TaskBatch batch = new MazeTask(false).sample(4_000, new SplittableRandom(11));
        boolean[] seen = new boolean[8];
        for (int trial = 0; trial < batch.trials(); trial++) {
            int problem = batch.factors()[trial][2];
            seen[problem] = true;
            assertArrayEquals(documentedInputs(problem), trialInputs(batch, trial), "inputs of problem " + problem);
            assertEquals(DOCUMENTED[problem][3], batch.labels()[trial], "answer of problem " + problem);
            assertEquals(DOCUMENTED[problem][0], batch.factors()[trial][0], "goal of problem " + problem);
            assertEquals(PAIR[problem], batch.factors()[trial][1], "choice pair of problem " + problem);
        }
        for (int problem = 0; problem < 8; problem++) {
            assertTrue(seen[problem], "problem " + problem + " never drawn");
        }
    }

    @Test
    void problemsAreDrawnUniformly() {
        int n = 80_000;
        TaskBatch batch = new MazeTask(false).sample(n, new SplittableRandom(5));
        int[] counts = new int[8];
        for (int[] factors : batch.factors()) {
            counts[factors[2]]++;
        }
        double sd = Math.sqrt(n * (1.0 / 8) * (7.0 / 8));
        for (int problem = 0; problem < 8; problem++) {
            assertEquals(n / 8.0, counts[problem], 5 * sd, "count of problem " + problem);
        }
    }

    @Test
    void theAnswerIsAlwaysOneOfTheAvailableChoices() {
        TaskBatch batch = new MazeTask(false).sample(5_000, new SplittableRandom(8));
        int lastStep = 49;
        for (int trial = 0; trial < batch.trials(); trial++) {
            int answerChannel = 4 + batch.labels()[trial];
            assertEquals(1.0, batch.values()[(trial * 50 + lastStep) * 8 + answerChannel], "trial " + trial);
        }
    }

    @Test
    void shuffledLabelsAreUniformWithinEveryProblemAndInputsStayIntact() {
        int n = 80_000;
        TaskBatch batch = new MazeTask(true).sample(n, new SplittableRandom(21));
        int[][] labelCounts = new int[8][4];
        int[] problemCounts = new int[8];
        int outsideChoices = 0;
        for (int trial = 0; trial < n; trial++) {
            int problem = batch.factors()[trial][2];
            int label = batch.labels()[trial];
            assertArrayEquals(documentedInputs(problem), trialInputs(batch, trial), "inputs of problem " + problem);
            labelCounts[problem][label]++;
            problemCounts[problem]++;
            int channel = 4 + label;
            if (channel != DOCUMENTED[problem][1] && channel != DOCUMENTED[problem][2]) {
                outsideChoices++;
            }
        }
        for (int problem = 0; problem < 8; problem++) {
            double sd = Math.sqrt(problemCounts[problem] * 0.25 * 0.75);
            for (int label = 0; label < 4; label++) {
                assertEquals(problemCounts[problem] / 4.0, labelCounts[problem][label], 5 * sd,
                        "label " + label + " of problem " + problem);
            }
        }
        assertEquals(n / 2.0, outsideChoices, 5 * Math.sqrt(n * 0.25), "labels that are not an available choice");
    }

    @Test
    void theSeedFixesTheBatch() {
        MazeTask task = new MazeTask(true);
        TaskBatch a = task.sample(200, new SplittableRandom(4));
        TaskBatch b = task.sample(200, new SplittableRandom(4));
        TaskBatch c = task.sample(200, new SplittableRandom(5));
        assertArrayEquals(a.values(), b.values());
        assertArrayEquals(a.labels(), b.labels());
        assertTrue(Arrays.deepEquals(a.factors(), b.factors()));
        assertFalse(Arrays.equals(a.labels(), c.labels()));
    }

    @Test
    void refusesAnEmptyBatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MazeTask(false).sample(0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("trials"), e.getMessage());
    }
}
