package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskDatasetsTest {
    private static final Task TASK = new PerceptualDecisionTask();

    private static boolean same(TaskBatch a, TaskBatch b) {
        return a.trials() == b.trials() && Arrays.equals(a.values(), b.values())
                && Arrays.equals(a.labels(), b.labels()) && Arrays.deepEquals(a.factors(), b.factors())
                && Arrays.equals(a.factorNames(), b.factorNames());
    }

    @Test
    void theSameSeedGivesTheSameSplits() {
        TaskDatasets a = TaskDatasets.draw(TASK, 300, 100, 120, 42);
        TaskDatasets b = TaskDatasets.draw(TASK, 300, 100, 120, 42);
        assertTrue(same(a.train(), b.train()));
        assertTrue(same(a.validation(), b.validation()));
        assertTrue(same(a.test(), b.test()));
        assertEquals(300, a.train().trials());
        assertEquals(100, a.validation().trials());
        assertEquals(120, a.test().trials());
    }

    @Test
    void anotherSeedGivesOtherSplits() {
        TaskDatasets a = TaskDatasets.draw(TASK, 300, 100, 100, 42);
        TaskDatasets b = TaskDatasets.draw(TASK, 300, 100, 100, 43);
        assertFalse(same(a.train(), b.train()));
        assertFalse(same(a.validation(), b.validation()));
        assertFalse(same(a.test(), b.test()));
    }

    @Test
    void theSplitsDifferFromEachOther() {
        TaskDatasets d = TaskDatasets.draw(new MazeTask(false), 200, 200, 200, 7);
        assertFalse(Arrays.equals(d.train().labels(), d.validation().labels()));
        assertFalse(Arrays.equals(d.train().labels(), d.test().labels()));
        assertFalse(Arrays.equals(d.validation().labels(), d.test().labels()));
    }

    @Test
    void theSplitsComeFromTheDocumentedStreams() {
        SplittableRandom root = new SplittableRandom(5);
        SplittableRandom train = root.split();
        SplittableRandom validation = root.split();
        SplittableRandom test = root.split();
        TaskDatasets d = TaskDatasets.draw(TASK, 30, 20, 10, 5);
        assertTrue(same(TASK.sample(30, train), d.train()));
        assertTrue(same(TASK.sample(20, validation), d.validation()));
        assertTrue(same(TASK.sample(10, test), d.test()));
    }

    @Test
    void eachSplitDependsOnlyOnTheSeedAndItsOwnSize() {
        TaskDatasets small = TaskDatasets.draw(TASK, 100, 50, 60, 9);
        TaskDatasets large = TaskDatasets.draw(TASK, 400, 50, 90, 9);
        assertTrue(same(small.validation(), large.validation()));
        TaskBatch firstHundred = TaskDatasets.slice(large.train(), IntStream.range(0, 100).toArray());
        assertTrue(same(small.train(), firstHundred));
    }

    @Test
    void aSliceHoldsCopiesOfTheChosenTrialsInOrder() {
        TaskBatch batch = new MazeTask(false).sample(20, new SplittableRandom(3));
        int[] indices = {7, 2, 7, 19};
        TaskBatch slice = TaskDatasets.slice(batch, indices);
        int stride = 50 * 8;
        assertEquals(4, slice.trials());
        for (int i = 0; i < indices.length; i++) {
            assertArrayEquals(Arrays.copyOfRange(batch.values(), indices[i] * stride, (indices[i] + 1) * stride),
                    Arrays.copyOfRange(slice.values(), i * stride, (i + 1) * stride));
            assertEquals(batch.labels()[indices[i]], slice.labels()[i]);
            assertArrayEquals(batch.factors()[indices[i]], slice.factors()[i]);
        }
        int goal = batch.factors()[7][0];
        double firstValue = batch.values()[7 * stride];
        slice.factors()[0][0] = -1;
        slice.values()[0] = -1;
        assertEquals(goal, batch.factors()[7][0], "the slice shares no factor rows with its source");
        assertEquals(firstValue, batch.values()[7 * stride], "the slice shares no values with its source");
    }

    @Test
    void badArgumentsAreRefused() {
        TaskBatch batch = new MazeTask(false).sample(5, new SplittableRandom(3));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> TaskDatasets.slice(batch, new int[] {0, 5}));
        assertTrue(outside.getMessage().contains("trial index 5"), outside.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaskDatasets.slice(batch, new int[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> TaskDatasets.slice(batch, new int[0]));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> TaskDatasets.draw(TASK, 10, 0, 10, 1));
        assertTrue(empty.getMessage().contains("validation 0"), empty.getMessage());
    }
}
