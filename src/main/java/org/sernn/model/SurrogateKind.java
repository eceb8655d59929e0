package org.sernn.model;

/** Pseudo-derivative of the spike nonlinearity. */
public enum SurrogateKind {
    TRIANGLE, FAST_SIGMOID, MULTI_GAUSSIAN, BOXCAR;
}
