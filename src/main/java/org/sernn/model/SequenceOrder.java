package org.sernn.model;

/** How an image becomes a sequence (config key {@code task.order} of {@code sequential_image}). */
public enum SequenceOrder {
    /** One row per task step, a channel per column (28 steps of 28 channels for 28 x 28 images). */
    ROWS,
    /** One pixel per task step in row-major order, one channel (784 steps). */
    PIXELS,
    /** One pixel per task step in a fixed random order, the same for every image and seed, one channel. */
    PERMUTED_PIXELS
}
