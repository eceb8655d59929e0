package org.sernn.model;

/** How a weight matrix is drawn before training. */
public enum WeightInitKind {
    /** N(0, gain^2 / (p * fan_in)) where p is the connection probability. */
    GAUSSIAN,
    /** gain * Q of the QR decomposition of a Gaussian matrix (Saxe et al. 2014); square matrices only. */
    ORTHOGONAL,
    /** All zeros. */
    ZEROS
}
