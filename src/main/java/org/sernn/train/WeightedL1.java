package org.sernn.train;

/**
 * lambda sum |W| (L1) or lambda sum |W| D (spatial: each weight's cost grows with its length),
 * Achterberg, Akarca et al. (2023). D is symmetric, so (post, pre) storage needs no transpose.
 */
final class WeightedL1 implements Regulariser {
    private final double lambda;
    private final double[] weights;

    /** @param weights D (n, n), or null for plain L1 */
    WeightedL1(double lambda, double[] weights) {
        this.lambda = lambda;
        this.weights = weights;
    }

    @Override
    public double addValueAndGradient(double[] wRec, int n, double[] gradient) {
        double sum = 0;
        for (int i = 0; i < wRec.length; i++) {
            double d = weights == null ? 1.0 : weights[i];
            sum += Math.abs(wRec[i]) * d;
            gradient[i] += lambda * d * Math.signum(wRec[i]);
        }
        return lambda * sum;
    }
}
