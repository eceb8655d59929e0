package org.sernn.model;

/**
 * How e-prop carries the output errors back to the recurrent units (Bellec et al. 2020):
 * {@code symmetric} B = W_out^T, {@code random} a fixed N(0, 1) matrix drawn from the seed,
 * {@code adaptive} random at the start, then changed by every change of W_out^T.
 */
public enum FeedbackKind {
    SYMMETRIC, RANDOM, ADAPTIVE;
}
