package org.sernn.model;

/** Which node strength normalises communicability: out-strength (the TensorFlow original) or in-strength (the PyTorch spiking code). */
public enum StrengthDirection {
    OUT, IN;
}
