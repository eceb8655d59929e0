package org.sernn.model;

/** How a weight matrix is drawn before training. */
public enum WeightInitKind {
    /** N(0, gain^2 / (p * fan_in)) where p is the connection probability. */
    GAUSSIAN,
    /** gain * Q of the QR decomposition of a Gaussian matrix (Saxe et al. 2014); square matrices only. */
    ORTHOGONAL,
    /**
     * Uniform on [-limit, limit], limit = gain * sqrt(6 / (fan_in + fan_out) / p) (Glorot and Bengio 2010,
     * eq. 16; Keras' default kernel initialiser, "glorot_uniform", at gain 1 and p = 1).
     */
    GLOROT_UNIFORM,
    /** All zeros. */
    ZEROS
}
