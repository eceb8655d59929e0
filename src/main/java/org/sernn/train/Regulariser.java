package org.sernn.train;

import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ModelConfig;

/**
 * A structural penalty R(W_rec) on the recurrent weights, stored (post, pre). Variants follow
 * Achterberg, Akarca et al. (Nat. Mach. Intell. 2023; docs/regulariser.md): L1 as the
 * sparsity-matched baseline, spatial (|W| D), communicability (|W| C) and the seRNN (|W| D C).
 */
public interface Regulariser {

    /** R(W_rec); adds dR/dW_rec (a subgradient at zero weights) into {@code gradient}. */
    double addValueAndGradient(double[] wRec, int n, double[] gradient);

    /** The penalty alone. */
    default double value(double[] wRec, int n) {
        return addValueAndGradient(wRec, n, new double[wRec.length]);
    }

    /** The regulariser a config names; {@code distance} is D (n, n) between the units. */
    static Regulariser of(ModelConfig.RegulariserSpec spec, DenseMatrix distance) {
        double lambda = spec.lambda();
        int n = distance.rows();
        return switch (spec.kind()) {
            case NONE -> (w, size, gradient) -> 0.0;
            case L1 -> new WeightedL1(lambda, null);
            case SPATIAL -> new WeightedL1(lambda, distance.toArray());
            case COMMUNICABILITY -> new Communicability(lambda, offDiagonalOnes(n), spec);
            case SERNN -> new Communicability(lambda, distance.toArray(), spec);
        };
    }

    private static double[] offDiagonalOnes(int n) {
        double[] ones = new double[n * n];
        java.util.Arrays.fill(ones, 1.0);
        for (int i = 0; i < n; i++) {
            ones[i * n + i] = 0.0;
        }
        return ones;
    }
}
