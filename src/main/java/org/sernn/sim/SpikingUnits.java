package org.sernn.sim;

import org.sernn.model.NeuronParams;

/**
 * One time step of discrete adaptive LIF units (Bellec et al., Nat. Commun. 11:3625, 2020;
 * REFERENCE.md section 2), shared by both engines so that they differ only in how input arrives:
 * <pre>
 *   v_t = alpha v_{t-1} + I_t - v_th z_{t-1}      (reset by subtracting the base threshold)
 *   a_t = rho a_{t-1} + z_{t-1}
 *   A_t = v_th + beta a_t                          (beta = 0: LIF)
 *   z_t = H(v_t - A_t), strictly above, and 0 for the n_ref steps after a spike
 * </pre>
 * The membrane keeps integrating while refractory; only spiking is blocked.
 */
public final class SpikingUnits {
    private final int n;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final double[] vTh;
    private final int[] nRef;

    public SpikingUnits(NeuronParams params) {
        this.n = params.size();
        this.alpha = params.alpha();
        this.rho = params.rho();
        this.beta = params.beta();
        this.vTh = params.vTh();
        this.nRef = params.nRef();
    }

    /**
     * Advances the units of one trial whose state sits at [offset, offset + n) of each array.
     *
     * @param current    I_t, read
     * @param z          z_{t-1} on entry, z_t (0 or 1) on exit
     * @param refractory steps of refractoriness left
     * @param spiked     receives the indices (0..n-1, increasing) of units that spiked
     * @param threshold  receives A_t when not null
     * @return the number of units that spiked
     */
    public int step(double[] current, double[] v, double[] a, int[] refractory, double[] z, int offset, int[] spiked,
            double[] threshold, int thresholdOffset) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            int idx = offset + j;
            double zPrev = z[idx];
            double vNew = alpha[j] * v[idx] + current[idx] - vTh[j] * zPrev;
            double aNew = rho[j] * a[idx] + zPrev;
            double adaptiveThreshold = vTh[j] + beta[j] * aNew;
            v[idx] = vNew;
            a[idx] = aNew;
            boolean spike;
            if (refractory[idx] > 0) {
                refractory[idx]--;
                spike = false;
            } else {
                spike = vNew > adaptiveThreshold;
            }
            if (spike) {
                refractory[idx] = nRef[j];
                spiked[count++] = j;
            }
            z[idx] = spike ? 1.0 : 0.0;
            if (threshold != null) {
                threshold[thresholdOffset + j] = adaptiveThreshold;
            }
        }
        return count;
    }
}
