package org.sernn.neuron.adlif;

/**
 * The reverse-mode derivative of one {@link AdlifUnits} step, for backpropagation through time
 * with a surrogate derivative psi_t = ds_t/du_t (Bittar and Garner, Front. Neurosci. 16:865897,
 * 2022, train it so with a boxcar). With Gu, Gw the total derivatives of the loss by u_t and w_t,
 * g_t the derivative by s_t from outside the unit (readout, next step's recurrent input, rate
 * term) and primes for step t + 1:
 * <pre>
 *   Bittar and Garner:  Gs_t = g_t + b Gw' - alpha theta Gu'
 *                       Gu_t = psi_t Gs_t + alpha Gu' + a Gw'
 *                       Gw_t = beta Gw' - (1 - alpha) Gu_t
 *                       dL/dalpha += Gu_t (u_{t-1} - theta s_{t-1} - I_t + w_t)
 *                       dL/dbeta += Gw_t w_{t-1},  dL/da += Gw_t u_{t-1},  dL/db += Gw_t s_{t-1}
 *   symplectic Euler:   Gw_t = beta Gw' - (1 - alpha) Gu'
 *                       Gs_t = g_t + (b - a theta) Gw_t - alpha theta Gu'
 *                       Gu_t = psi_t Gs_t + alpha Gu' + a Gw_t
 *                       dL/dalpha += Gu_t (u_{t-1} - theta s_{t-1} - I_t + w_{t-1})
 *                       dL/dbeta += Gw_t w_{t-1},  dL/da += Gw_t (u_t - theta s_t),  dL/db += Gw_t s_t
 *   both:               dL/dI_t = (1 - alpha) Gu_t
 * </pre>
 * Detaching the reset drops the theta s terms (the gradient does not flow through the reset, as
 * snnTorch and Norse do by default); sparch does not detach it.
 */
public final class AdlifAdjoint {
    private static final double THETA = AdlifParameters.THRESHOLD;

    private final int n;
    private final double[] alpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final boolean symplectic;
    /** theta, or 0 when the reset is detached. */
    private final double resetTheta;

    public AdlifAdjoint(AdlifParameters params, boolean detachReset) {
        this.n = params.size();
        this.alpha = params.alpha();
        this.beta = params.beta();
        this.a = params.a();
        this.b = params.b();
        this.symplectic = params.discretisation() == AdlifDiscretisation.SYMPLECTIC_EULER;
        this.resetTheta = detachReset ? 0.0 : THETA;
    }

    /**
     * One trial's step t backwards. Trajectory arrays hold unit j of a trial step at offset + j.
     *
     * @param psi        ds_t/du_t at psiOffset
     * @param external   g_t at externalOffset (read where psi_t != 0 only)
     * @param trajectory the forward pass's states and currents
     * @param now        offset of step t in the trajectory
     * @param before     offset of step t - 1, or -1 at t = 0 (the zero initial state)
     * @param gu         in: Gu_{t+1} (0 after the last step); out: Gu_t
     * @param gw         in: Gw_{t+1}; out: Gw_t
     * @param gradCurrent out: dL/dI_t
     * @param sums       accumulates the parameter gradients
     */
    public void step(double[] psi, int psiOffset, double[] external, int externalOffset, AdlifTrajectory trajectory,
            int now, int before, double[] gu, double[] gw, double[] gradCurrent, AdlifGradients sums) {
        double[] u = trajectory.membrane();
        double[] w = trajectory.adaptation();
        double[] s = trajectory.spikes();
        double[] current = trajectory.current();
        double[] gAlpha = sums.alpha();
        double[] gBeta = sums.beta();
        double[] gA = sums.a();
        double[] gB = sums.b();
        for (int j = 0; j < n; j++) {
            double guNext = gu[j];
            double gwNext = gw[j];
            double uPrev = before < 0 ? 0.0 : u[before + j];
            double wPrev = before < 0 ? 0.0 : w[before + j];
            double sPrev = before < 0 ? 0.0 : s[before + j];
            double p = psi[psiOffset + j];
            double guNow;
            double gwNow;
            if (symplectic) {
                gwNow = beta[j] * gwNext - (1.0 - alpha[j]) * guNext;
                double gs = p == 0.0 ? 0.0
                        : external[externalOffset + j] + (b[j] - a[j] * resetTheta) * gwNow
                                - alpha[j] * resetTheta * guNext;
                guNow = p * gs + alpha[j] * guNext + a[j] * gwNow;
                gAlpha[j] += guNow * (uPrev - THETA * sPrev - current[now + j] + wPrev);
                gA[j] += gwNow * (u[now + j] - THETA * s[now + j]);
                gB[j] += gwNow * s[now + j];
            } else {
                double gs = p == 0.0 ? 0.0
                        : external[externalOffset + j] + b[j] * gwNext - alpha[j] * resetTheta * guNext;
                guNow = p * gs + alpha[j] * guNext + a[j] * gwNext;
                gwNow = beta[j] * gwNext - (1.0 - alpha[j]) * guNow;
                gAlpha[j] += guNow * (uPrev - THETA * sPrev - current[now + j] + w[now + j]);
                gA[j] += gwNow * uPrev;
                gB[j] += gwNow * sPrev;
            }
            gBeta[j] += gwNow * wPrev;
            gu[j] = guNow;
            gw[j] = gwNow;
            gradCurrent[j] = (1.0 - alpha[j]) * guNow;
        }
    }
}
