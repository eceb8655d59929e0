package org.sernn.train;

import org.sernn.sim.InputBatch;

/** Computes a batch's loss and its gradient with respect to every trainable array. */
public interface LearningRule {
    BatchResult run(Params params, InputBatch input, int[] labels, double[] lossMask);
}
