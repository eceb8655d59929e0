package org.sernn.neuron.adlif;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sernn.neuron.EligibilityTraces;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.TrainableParameter;

/**
 * Learning through adLIF units (docs/learning.md): the reverse-mode derivative of an
 * {@link AdlifDynamics} step with psi_t = ds_t/du_t (Bittar and Garner, Front. Neurosci.
 * 16:865897, 2022, use a boxcar). With Gu, Gw the total derivatives of the loss by u_t and w_t, gz_t
 * the derivative by s_t from outside the unit (readout, next step's recurrent input, rate term) and
 * primes for step t + 1:
 * <pre>
 *   Bittar and Garner:  gz_t += b Gw' - alpha theta Gu'                     (own state at t + 1)
 *                       Gu_t = psi_t gz_t + alpha Gu' + a Gw'
 *                       Gw_t = beta Gw' - (1 - alpha) Gu_t
 *                       dL/dalpha += Gu_t (u_{t-1} - theta s_{t-1} - I_t + w_t)
 *                       dL/dbeta += Gw_t w_{t-1},  dL/da += Gw_t u_{t-1},  dL/db += Gw_t s_{t-1}
 *   symplectic Euler:   Gw_t = beta Gw' - (1 - alpha) Gu'
 *                       gz_t += (b - a theta) Gw_t - alpha theta Gu'
 *                       Gu_t = psi_t gz_t + alpha Gu' + a Gw_t
 *                       dL/dalpha += Gu_t (u_{t-1} - theta s_{t-1} - I_t + w_{t-1})
 *                       dL/dbeta += Gw_t w_{t-1},  dL/da += Gw_t (u_t - theta s_t),  dL/db += Gw_t s_t
 *   both:               dL/dI_t = (1 - alpha) Gu_t
 * </pre>
 * Detaching the reset drops the theta s terms (sparch does not detach it). alpha, beta, a and b
 * are all trained, as in sparch; their keys are alpha, rho, a and b (sernn calls the adaptation
 * decay rho, as for ALIF, and beta is ALIF's adaptation strength). e-prop
 * ({@link AdlifEligibilityTraces}) learns the weights only: with it these four keep their values. Eligibility traces: {@link AdlifEligibilityTraces}.
 */
final class AdlifGradients implements SpikingGradients<AdlifState, AdlifAdjoint> {
    private static final double THETA = AdlifDynamics.THETA;
    private static final List<TrainableParameter> TRAINABLE = List.of(
            new TrainableParameter("alpha", "membrane decay per step, exp(-dt / tau_m)"),
            new TrainableParameter("rho", "adaptation decay per step, exp(-dt / tau_a) (sparch's beta)"),
            new TrainableParameter("a", "subthreshold coupling of the adaptation to the membrane"),
            new TrainableParameter("b", "spike-triggered adaptation increment"));

    private final int n;
    private final double[] alpha;
    private final double[] beta;
    private final double[] a;
    private final double[] b;
    private final boolean symplectic;
    private final double kappa;
    /** |u - theta| below which psi may be non-zero (a hair wider than the support, for rounding). */
    private final double supportVolts;

    AdlifGradients(AdlifDynamics dynamics, double kappa, double surrogateSupport) {
        this.n = dynamics.n;
        this.alpha = dynamics.alpha;
        this.beta = dynamics.beta;
        this.a = dynamics.a;
        this.b = dynamics.b;
        this.symplectic = dynamics.symplectic;
        this.kappa = kappa;
        this.supportVolts = surrogateSupport * THETA * (1 + 1e-9);
    }

    @Override
    public double[] thresholdScale() {
        double[] scale = new double[n];
        Arrays.fill(scale, THETA);
        return scale;
    }

    @Override
    public int nearThreshold(AdlifState state, int trial, int[] units, double[] distance, int outOffset) {
        int offset = trial * n;
        int count = 0;
        for (int j = 0; j < n; j++) {
            double gap = state.u[offset + j] - THETA;
            if (Math.abs(gap) < supportVolts) {
                units[outOffset + count] = j;
                distance[outOffset + count] = gap / THETA;
                count++;
            }
        }
        return count;
    }

    @Override
    public AdlifAdjoint newAdjoint(int trials, int steps) {
        return new AdlifAdjoint(trials, steps, n);
    }

    @Override
    public void resetAdjoint(AdlifAdjoint adjoint, int trial) {
        Arrays.fill(adjoint.gu[trial], 0.0);
        Arrays.fill(adjoint.gw[trial], 0.0);
        Arrays.fill(adjoint.gCurrent[trial], 0.0);
        Arrays.fill(adjoint.psiGz[trial], 0.0);
        Arrays.fill(adjoint.parameterSums[trial], 0.0);
    }

    @Override
    public void recordForward(AdlifState state, int stateTrial, AdlifAdjoint adjoint, int trial, int t) {
        int from = stateTrial * n;
        int to = (t * adjoint.trials + trial) * n;
        System.arraycopy(state.u, from, adjoint.u, to, n);
        System.arraycopy(state.w, from, adjoint.w, to, n);
        System.arraycopy(state.s, from, adjoint.s, to, n);
        System.arraycopy(state.current, from, adjoint.current, to, n);
    }

    @Override
    public double[] currentGradient(AdlifAdjoint adjoint, int trial) {
        return adjoint.gCurrent[trial];
    }

    @Override
    public void addOwnStateGradient(AdlifAdjoint adjoint, int trial, int[] units, int from, int count,
            boolean detachReset, double[] gz) {
        double[] gu = adjoint.gu[trial];
        double[] gw = adjoint.gw[trial];
        double resetTheta = detachReset ? 0.0 : THETA;
        for (int s = 0; s < count; s++) {
            int j = units[from + s];
            if (symplectic) {
                double gwNow = beta[j] * gw[j] - (1.0 - alpha[j]) * gu[j];
                gz[s] += (b[j] - a[j] * resetTheta) * gwNow - alpha[j] * resetTheta * gu[j];
            } else {
                gz[s] += b[j] * gw[j] - alpha[j] * resetTheta * gu[j];
            }
        }
    }

    @Override
    public void backwardStep(AdlifAdjoint adjoint, int trial, int t, int[] units, int from, int count,
            double[] psiGz) {
        double[] gu = adjoint.gu[trial];
        double[] gw = adjoint.gw[trial];
        double[] gCurrent = adjoint.gCurrent[trial];
        double[] dense = adjoint.psiGz[trial];
        for (int s = 0; s < count; s++) {
            dense[units[from + s]] = psiGz[s];
        }
        int now = (t * adjoint.trials + trial) * n;
        int before = now - adjoint.trials * n;
        double[] u = adjoint.u;
        double[] w = adjoint.w;
        double[] sp = adjoint.s;
        double[] current = adjoint.current;
        double[] sums = adjoint.parameterSums[trial];
        for (int j = 0; j < n; j++) {
            double uPrev = t > 0 ? u[before + j] : 0.0;
            double wPrev = t > 0 ? w[before + j] : 0.0;
            double sPrev = t > 0 ? sp[before + j] : 0.0;
            double guNow;
            double gwNow;
            if (symplectic) {
                gwNow = beta[j] * gw[j] - (1.0 - alpha[j]) * gu[j];
                guNow = dense[j] + alpha[j] * gu[j] + a[j] * gwNow;
                sums[j] += guNow * (uPrev - THETA * sPrev - current[now + j] + wPrev);
                sums[2 * n + j] += gwNow * (u[now + j] - THETA * sp[now + j]);
                sums[3 * n + j] += gwNow * sp[now + j];
            } else {
                guNow = dense[j] + alpha[j] * gu[j] + a[j] * gw[j];
                gwNow = beta[j] * gw[j] - (1.0 - alpha[j]) * guNow;
                sums[j] += guNow * (uPrev - THETA * sPrev - current[now + j] + w[now + j]);
                sums[2 * n + j] += gwNow * uPrev;
                sums[3 * n + j] += gwNow * sPrev;
            }
            sums[n + j] += gwNow * wPrev;
            gu[j] = guNow;
            gw[j] = gwNow;
            gCurrent[j] = (1.0 - alpha[j]) * guNow;
        }
        for (int s = 0; s < count; s++) {
            dense[units[from + s]] = 0.0;
        }
    }

    @Override
    public List<TrainableParameter> trainableParameters() {
        return TRAINABLE;
    }

    @Override
    public void addParameterGradients(AdlifAdjoint adjoint, double[] out) {
        for (double[] sums : adjoint.parameterSums) {
            for (int i = 0; i < sums.length; i++) {
                out[i] += sums[i];
            }
        }
    }

    @Override
    public Optional<EligibilityTraces> eligibilityTraces(int width) {
        return Optional.of(new AdlifEligibilityTraces(alpha, beta, a, b, symplectic, kappa, width));
    }
}
