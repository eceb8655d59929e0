package org.sernn.neuron.alif;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sernn.model.LearnableTimeConstant;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.EligibilityTraces;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.TrainableParameter;

/**
 * Learning through ALIF/LIF units (Bellec et al., Nat. Commun. 11:3625, 2020; docs/learning.md).
 * With psi_t = dz_t / dv_t (0 while refractory) and gz_t = dL/dz_t, the unit's own share of the
 * backward pass is
 * <pre>
 *   gz_t += ga_{t+1} - v_th gv_{t+1}        (adaptation; reset, unless detached)
 *   gv_t  = alpha gv_{t+1} + psi_t gz_t      (gv_t = dL/dv_t = dL/dI_t)
 *   ga_t  = rho ga_{t+1} - beta psi_t gz_t
 * </pre>
 * and its eligibility traces are {@link AlifEligibilityTraces}. With learnt time constants
 * ({@code neuron.learn}; Perez-Nieves et al., Nat. Commun. 12:5791, 2021), since
 * v_t = alpha v_{t-1} + ... and a_t = rho a_{t-1} + ..., and alpha = exp(-dt / tau_m),
 * rho = exp(-dt / tau_a):
 * <pre>
 *   dL/dtau_m = (sum_t gv_t v_{t-1}) alpha dt / tau_m^2,   dL/dtau_a = (sum_t ga_t a_{t-1}) rho dt / tau_a^2
 * </pre>
 * e-prop's traces carry no such terms: it learns the weights only.
 */
final class AlifGradients implements SpikingGradients<AlifState, AlifAdjoint> {
    private final NeuronParams params;
    private final int n;
    private final double[] alpha;
    private final double[] rho;
    private final double[] beta;
    private final double[] vTh;
    private final double[] vThCopy;
    private final int[] nRef;
    /** |v - A| below which psi may be non-zero: the surrogate's support in volts (a hair wider, for rounding). */
    private final double[] supportVolts;
    private final List<LearnableTimeConstant> learnt;
    private final List<TrainableParameter> trainable;
    /** d decay / d tau of learnt constant k of unit j at k n + j: alpha dt / tau_m^2 or rho dt / tau_a^2. */
    private final double[] decayPerTau;

    AlifGradients(NeuronParams params, AlifDynamics dynamics, double surrogateSupport) {
        this.params = params;
        this.n = dynamics.n;
        this.alpha = dynamics.alpha;
        this.rho = dynamics.rho;
        this.beta = dynamics.beta;
        this.vTh = dynamics.vTh;
        this.vThCopy = vTh.clone();
        this.nRef = dynamics.nRef;
        this.supportVolts = new double[n];
        for (int j = 0; j < n; j++) {
            supportVolts[j] = surrogateSupport * vTh[j] * (1 + 1e-9);
        }
        this.learnt = List.copyOf(params.learnedTimeConstants());
        this.trainable = learnt.stream().map(c -> new TrainableParameter(c.key(), c == LearnableTimeConstant.TAU_M
                ? "membrane time constant in ms (decay alpha = exp(-dt / tau_m))"
                : "adaptation time constant in ms (decay rho = exp(-dt / tau_a))")).toList();
        this.decayPerTau = new double[learnt.size() * n];
        double dtMs = params.dtMs();
        for (int k = 0; k < learnt.size(); k++) {
            boolean membrane = learnt.get(k) == LearnableTimeConstant.TAU_M;
            double[] tauMs = membrane ? params.tauMMs() : params.tauAMs();
            double[] decay = membrane ? alpha : rho;
            for (int j = 0; j < n; j++) {
                decayPerTau[k * n + j] = decay[j] * dtMs / (tauMs[j] * tauMs[j]);
            }
        }
    }

    @Override
    public double[] thresholdScale() {
        return vThCopy.clone();
    }

    @Override
    public int nearThreshold(AlifState state, int trial, int[] units, double[] distance, int outOffset) {
        int offset = trial * n;
        int t = state.step[trial] - 1;
        double[] v = state.v;
        double[] a = state.a;
        int[] blockedUntil = state.blockedUntil;
        int count = 0;
        for (int j = 0; j < n; j++) {
            double gap = v[offset + j] - (vTh[j] + beta[j] * a[offset + j]);
            // Refractory at t: blocked before the step. A unit that spiked at t now has t + n_ref, one
            // blocked by an earlier spike less, one free less than t.
            int until = blockedUntil[offset + j];
            boolean refractory = until >= t && until < t + nRef[j];
            // One rarely taken branch (&, not &&: refractoriness alone is too unpredictable to branch on).
            if (!(!refractory & Math.abs(gap) < supportVolts[j])) {
                continue;
            }
            units[outOffset + count] = j;
            distance[outOffset + count] = gap / vTh[j];
            count++;
        }
        return count;
    }

    @Override
    public AlifAdjoint newAdjoint(int trials, int steps) {
        return new AlifAdjoint(trials, steps, n, learnt.size());
    }

    @Override
    public void resetAdjoint(AlifAdjoint adjoint, int trial) {
        Arrays.fill(adjoint.latest[trial], 0.0);
        Arrays.fill(adjoint.ga[trial], 0.0);
        Arrays.fill(adjoint.decaySums[trial], 0.0);
    }

    @Override
    public void recordForward(AlifState state, int stateTrial, AlifAdjoint adjoint, int trial, int t) {
        if (learnt.isEmpty()) {
            return;
        }
        int from = stateTrial * n;
        int to = (t * adjoint.trials + trial) * n;
        System.arraycopy(state.v, from, adjoint.v, to, n);
        System.arraycopy(state.a, from, adjoint.a, to, n);
    }

    @Override
    public double[] currentGradient(AlifAdjoint adjoint, int trial) {
        return adjoint.latest[trial];
    }

    @Override
    public void addOwnStateGradient(AlifAdjoint adjoint, int trial, int[] units, int from, int count,
            boolean detachReset, double[] gz) {
        double[] gvNext = adjoint.latest[trial];
        double[] ga = adjoint.ga[trial];
        for (int s = 0; s < count; s++) {
            int j = units[from + s];
            gz[s] += ga[j] - (detachReset ? 0.0 : vTh[j] * gvNext[j]);
        }
    }

    @Override
    public void backwardStep(AlifAdjoint adjoint, int trial, int t, int[] units, int from, int count,
            double[] psiGz) {
        double[] gvNext = adjoint.latest[trial];
        double[] gv = adjoint.spare[trial];
        double[] ga = adjoint.ga[trial];
        for (int j = 0; j < n; j++) {
            gv[j] = alpha[j] * gvNext[j];
            ga[j] = rho[j] * ga[j];
        }
        for (int s = 0; s < count; s++) {
            int j = units[from + s];
            gv[j] += psiGz[s];
            ga[j] -= beta[j] * psiGz[s];
        }
        adjoint.latest[trial] = gv;
        adjoint.spare[trial] = gvNext;
        if (!learnt.isEmpty() && t > 0) {
            addDecayTerms(adjoint, trial, t, gv, ga);
        }
    }

    /** decaySums += gv_t v_{t-1} (alpha) or ga_t a_{t-1} (rho); v_{-1} = a_{-1} = 0, so nothing at t = 0. */
    private void addDecayTerms(AlifAdjoint adjoint, int trial, int t, double[] gv, double[] ga) {
        int before = ((t - 1) * adjoint.trials + trial) * n;
        double[] sums = adjoint.decaySums[trial];
        for (int k = 0; k < learnt.size(); k++) {
            boolean membrane = learnt.get(k) == LearnableTimeConstant.TAU_M;
            double[] gradient = membrane ? gv : ga;
            double[] previous = membrane ? adjoint.v : adjoint.a;
            int offset = k * n;
            for (int j = 0; j < n; j++) {
                sums[offset + j] += gradient[j] * previous[before + j];
            }
        }
    }

    @Override
    public List<TrainableParameter> trainableParameters() {
        return trainable;
    }

    /** dL/dtau_ms: the decay sums of every trial times d decay / d tau. */
    @Override
    public void addParameterGradients(AlifAdjoint adjoint, double[] out) {
        for (double[] sums : adjoint.decaySums) {
            for (int i = 0; i < sums.length; i++) {
                out[i] += sums[i] * decayPerTau[i];
            }
        }
    }

    @Override
    public Optional<EligibilityTraces> eligibilityTraces(int width) {
        return Optional.of(new AlifEligibilityTraces(params, width));
    }
}
