package org.sernn.model;

/** Gradient of the seRNN term: through expm and the strengths (the original), or with C held constant. */
public enum CommsGradient {
    FULL, DETACHED;
}
