package org.sernn.linalg;

/**
 * The Pade degree and the number of squarings s chosen for a matrix of a given 1-norm, as in Algorithm 2.3
 * of Higham (SIAM J. Matrix Anal. Appl. 26(4), 2005): the smallest m in {3, 5, 7, 9} with
 * ||A||_1 <= theta_m and s = 0; otherwise m = 13 and s = max(0, ceil(log2(||A||_1 / theta_13))).
 *
 * @param degree the Pade approximant r_m to apply to A / 2^s
 * @param squarings s, the number of times the result is squared
 */
record ScalingChoice(PadeDegree degree, int squarings) {

    private static final PadeDegree[] UNSCALED = {PadeDegree.M3, PadeDegree.M5, PadeDegree.M7, PadeDegree.M9};

    /** @param norm1 the 1-norm of the matrix; finite and non-negative */
    static ScalingChoice forNorm(double norm1) {
        for (PadeDegree d : UNSCALED) {
            if (norm1 <= d.theta()) {
                return new ScalingChoice(d, 0);
            }
        }
        double theta13 = PadeDegree.M13.theta();
        int s = Math.max(0, (int) Math.ceil(Math.log(norm1 / theta13) / Math.log(2)));
        // Guard the rounding of the logarithm: the scaled norm must not exceed theta_13.
        while (Math.scalb(norm1, -s) > theta13) {
            s++;
        }
        return new ScalingChoice(PadeDegree.M13, s);
    }
}
