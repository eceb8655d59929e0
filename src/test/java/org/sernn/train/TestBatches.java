package org.sernn.train;

import java.util.SplittableRandom;
import org.sernn.sim.InputBatch;

/** Seeded input batches and loss masks shared by the learning-rule equivalence tests. */
final class TestBatches {
    private TestBatches() {
    }

    /** Input spikes: each (trial, step, channel) is 1 with probability 0.3, drawn in that order. */
    static InputBatch spikes(SplittableRandom random, int trials, int steps, int channels) {
        double[] x = new double[trials * steps * channels];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.3 ? 1.0 : 0.0;
        }
        return new InputBatch(trials, steps, channels, x);
    }

    /** A loss mask of weight 1 / window on the last {@code window} steps. */
    static double[] lastSteps(int steps, int window) {
        double[] mask = new double[steps];
        for (int t = steps - window; t < steps; t++) {
            mask[t] = 1.0 / window;
        }
        return mask;
    }
}
