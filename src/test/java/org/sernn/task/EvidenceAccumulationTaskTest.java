package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.sim.InputBatch;

class EvidenceAccumulationTaskTest {
    private final EvidenceAccumulationTask task = new EvidenceAccumulationTask();

    /** Each channel group's value at one task step of one trial (all 10 channels of a group must agree). */
    private static double group(TaskBatch batch, int trial, int step, int group) {
        int base = (trial * batch.taskSteps() + step) * batch.channels() + group * EvidenceAccumulationTask.GROUP;
        double value = batch.values()[base];
        for (int c = 1; c < EvidenceAccumulationTask.GROUP; c++) {
            assertEquals(value, batch.values()[base + c], "group " + group + " is uniform");
        }
        return value;
    }

    @Test
    void sevenCuesThenDelayThenRecallAndTheLabelIsTheMajoritySide() {
        TaskBatch batch = task.sample(300, new SplittableRandom(4));
        assertEquals(40, batch.channels());
        assertEquals(45, batch.taskSteps());
        for (int trial = 0; trial < batch.trials(); trial++) {
            int left = 0;
            int cues = 0;
            for (int step = 0; step < 45; step++) {
                double l = group(batch, trial, step, 0);
                double r = group(batch, trial, step, 1);
                boolean cueStep = step < 21 && step % 3 != 2;
                assertEquals(cueStep ? 1.0 : 0.0, l + r, "trial " + trial + " step " + step + ": one cue group on");
                if (cueStep && step % 3 == 0) {
                    assertEquals(group(batch, trial, step + 1, 0), l, "a cue lasts two task steps (100 ms)");
                    cues++;
                    left += (int) l;
                }
                assertEquals(step >= 42 ? 1.0 : 0.0, group(batch, trial, step, 2), "recall in the last 150 ms");
                assertEquals(0.25, group(batch, trial, step, 3), "noise at a quarter of the cue rate");
            }
            assertEquals(7, cues);
            assertEquals(left > 3 ? 0 : 1, batch.labels()[trial], "label of trial " + trial);
            assertEquals(left, batch.factors()[trial][0]);
        }
    }

    @Test
    void cuesComeFromTheMajoritySideWithProbabilityPointSeven() {
        TaskBatch batch = task.sample(4000, new SplittableRandom(9));
        int fromMajority = 0;
        for (int trial = 0; trial < batch.trials(); trial++) {
            int left = batch.factors()[trial][0];
            fromMajority += batch.factors()[trial][1] == EvidenceAccumulationTask.LEFT ? left : 7 - left;
        }
        double fraction = fromMajority / (4000.0 * 7);
        double sd = Math.sqrt(0.7 * 0.3 / (4000.0 * 7));
        assertEquals(0.7, fraction, 4 * sd);
    }

    @Test
    void theSameRandomGivesTheSameTrials() {
        TaskBatch a = task.sample(20, new SplittableRandom(11));
        TaskBatch b = task.sample(20, new SplittableRandom(11));
        assertArrayEquals(a.values(), b.values());
        assertArrayEquals(a.labels(), b.labels());
    }

    @Test
    void fiftyStepsPerTaskStepGiveThePapersTrialAndLossWindow() {
        TaskTiming timing = new TaskTiming(50, 3);
        InputBatch stretched = timing.stretch(task.sample(2, new SplittableRandom(1)));
        assertEquals(2250, stretched.steps());
        double[] mask = timing.lossMask(task);
        for (int t = 0; t < mask.length; t++) {
            assertEquals(t >= 2250 - 150 ? 1.0 : 0.0, mask[t], "step " + t);
        }
        assertTrue(Tasks.NAMES.contains(EvidenceAccumulationTask.NAME));
    }
}
