package org.sernn.model;

/** Nonlinearity of rate units: h = f(W_in x + W_rec h + b). */
public enum Activation {
    RELU, TANH;

    public double apply(double x) {
        return this == RELU ? Math.max(0.0, x) : Math.tanh(x);
    }
}
