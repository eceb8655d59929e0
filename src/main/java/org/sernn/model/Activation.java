package org.sernn.model;

/** Nonlinearity of rate units: h = f(W_in x + W_rec h + b). */
public enum Activation {
    RELU, TANH;

    public double apply(double x) {
        return this == RELU ? Math.max(0.0, x) : Math.tanh(x);
    }

    /** f'(x); for ReLU 1 above 0 and 0 at and below it. */
    public double derivative(double x) {
        if (this == RELU) {
            return x > 0 ? 1.0 : 0.0;
        }
        double t = Math.tanh(x);
        return 1.0 - t * t;
    }
}
