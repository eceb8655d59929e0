package org.sernn.neuron.adlif;

import java.util.Arrays;

/** Sums of dL/dalpha, dL/dbeta, dL/da and dL/db per unit. */
public record AdlifGradients(double[] alpha, double[] beta, double[] a, double[] b) {

    public static AdlifGradients zeros(int n) {
        return new AdlifGradients(new double[n], new double[n], new double[n], new double[n]);
    }

    public void clear() {
        Arrays.fill(alpha, 0.0);
        Arrays.fill(beta, 0.0);
        Arrays.fill(a, 0.0);
        Arrays.fill(b, 0.0);
    }

    /** Adds another block's sums to these. */
    public void add(AdlifGradients other) {
        for (int j = 0; j < alpha.length; j++) {
            alpha[j] += other.alpha[j];
            beta[j] += other.beta[j];
            a[j] += other.a[j];
            b[j] += other.b[j];
        }
    }
}
