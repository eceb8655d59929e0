package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.sim.InputBatch;

class TaskTimingTest {
    /** Two trials, two task steps, two channels: trial 0 = (1, 2), (3, 4); trial 1 = (5, 6), (7, 8). */
    private static TaskBatch handBuilt() {
        return new TaskBatch(2, 2, 2, new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {0, 1},
                new int[][] {{0}, {1}}, new String[] {"f"});
    }

    /** A task of four task steps that is never sampled. */
    private static final class FourSteps implements Task {
        @Override
        public String name() {
            return "four_steps";
        }

        @Override
        public int inputChannels() {
            return 1;
        }

        @Override
        public int classes() {
            return 2;
        }

        @Override
        public int taskSteps() {
            return 4;
        }

        @Override
        public TaskBatch sample(int trials, SplittableRandom random) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void stretchingRepeatsEveryTaskStep() {
        InputBatch stretched = new TaskTiming(3, 1).stretch(handBuilt());
        assertEquals(2, stretched.trials());
        assertEquals(6, stretched.steps());
        assertEquals(2, stretched.channels());
        assertArrayEquals(new double[] {
            1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4,
            5, 6, 5, 6, 5, 6, 7, 8, 7, 8, 7, 8}, stretched.values());
    }

    @Test
    void oneStepPerTaskStepKeepsTheValues() {
        TaskBatch batch = handBuilt();
        InputBatch same = new TaskTiming(1, 1).stretch(batch);
        assertEquals(2, same.steps());
        assertArrayEquals(batch.values(), same.values());
    }

    @Test
    void theLossMaskCoversEverySimulationStepOfTheFinalTaskSteps() {
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1},
                new TaskTiming(3, 2).lossMask(new FourSteps()));
        assertArrayEquals(new double[] {1, 1, 1, 1}, new TaskTiming(1, 4).lossMask(new FourSteps()));
        double[] maze = new TaskTiming(2, 1).lossMask(new MazeTask(false));
        assertEquals(100, maze.length);
        assertEquals(2.0, java.util.Arrays.stream(maze).sum());
        assertEquals(1.0, maze[98]);
        assertEquals(1.0, maze[99]);
    }

    @Test
    void badArgumentsAreRefused() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> new TaskTiming(0, 1));
        assertTrue(steps.getMessage().contains("steps per task step"), steps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TaskTiming(-2, 1));
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class, () -> new TaskTiming(1, 0));
        assertTrue(window.getMessage().contains("loss window"), window.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new TaskTiming(1, 5).lossMask(new FourSteps()));
        assertTrue(tooLong.getMessage().contains("four_steps"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TaskTiming(Integer.MAX_VALUE / 2, 1).stretch(handBuilt()));
        assertThrows(IllegalArgumentException.class,
                () -> new TaskTiming(Integer.MAX_VALUE / 2, 1).lossMask(new FourSteps()));
    }
}
