package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoNoGoTaskTest {
    @Test
    void describesItself() {
        GoNoGoTask task = new GoNoGoTask();
        assertEquals("go_nogo", task.name());
        assertEquals(3, task.inputChannels());
        assertEquals(2, task.classes());
        assertEquals(40, task.taskSteps());
        assertArrayEquals(new String[] {"go"}, task.sample(1, new SplittableRandom(1)).factorNames());
    }

    @Test
    void everyPeriodShowsItsDocumentedInputsAndTheLabelMatchesTheStimulus() {
        TaskBatch batch = new GoNoGoTask().sample(1_000, new SplittableRandom(3));
        for (int trial = 0; trial < batch.trials(); trial++) {
            int label = batch.labels()[trial];
            assertEquals(label, batch.factors()[trial][0]);
            for (int step = 0; step < 40; step++) {
                boolean cueOn = step < 35; // fixation 0-4, stimulus 5-24, delay 25-34; decision 35-39
                boolean stimulus = step >= 5 && step < 25;
                double[] expected = {
                    cueOn ? 1 : 0,
                    stimulus && label == 0 ? 1 : 0, // no-go
                    stimulus && label == 1 ? 1 : 0, // go
                };
                for (int channel = 0; channel < 3; channel++) {
                    assertEquals(expected[channel], batch.values()[(trial * 40 + step) * 3 + channel],
                            "trial " + trial + " step " + step + " channel " + channel);
                }
            }
        }
    }

    @Test
    void classesAreBalanced() {
        int n = 40_000;
        TaskBatch batch = new GoNoGoTask().sample(n, new SplittableRandom(9));
        int go = 0;
        for (int label : batch.labels()) {
            go += label;
        }
        assertEquals(n / 2.0, go, 5 * Math.sqrt(n * 0.25));
    }
}
