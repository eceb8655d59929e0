package org.sernn.task;

/**
 * Labelled trials that a trainer takes minibatches from: a {@link TaskBatch} held in memory, or a
 * recorded data set that builds the input values of a minibatch only when asked (spike recordings
 * are far smaller as events than as dense values).
 */
public interface TrialSet {
    int trials();

    /** The class of every trial, in order. */
    int[] labels();

    /** The trials at {@code indices}, in that order, as a batch of their own. */
    TaskBatch slice(int[] indices);
}
