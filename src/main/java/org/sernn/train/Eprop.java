package org.sernn.train;

import java.util.Arrays;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.EligibilityTraces;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.SpikingDynamics;
import org.sernn.neuron.SpikingGradients;
import org.sernn.neuron.SpikingModel;
import org.sernn.neuron.SpikingState;
import org.sernn.sim.InputBatch;

/**
 * e-prop (Bellec et al., "A solution to the learning dilemma for recurrent networks of spiking
 * neurons", Nat. Commun. 11:3625, 2020), computed online: each trial runs forward once, step by step,
 * carrying only the network state, the neuron model's {@link EligibilityTraces} and the gradient sums. With the
 * leaky readout y_t = kappa y_{t-1} + W_out z_t + b_out and err_k,t = mask_t (softmax(y_t)_k -
 * onehot_k) / B:
 * <pre>
 *   L_j,t      = sum_k B_jk err_k,t                      (learning signal, B from {@link Feedback})
 *   dE/dW_ji   = sum_t L_j,t F_ji,t + c_j sum_t e_ji,t     (c_j: the firing-rate regulariser's slope)
 *   dE/dW_out  = sum_t err_t zbar_t^T, zbar_t = kappa zbar_{t-1} + z_t;  dE/db_out likewise with 1
 * </pre>
 * The readout's leak is why the traces are kappa-filtered: sum_t (W_out^T sum_{t' >= t} kappa^(t'-t)
 * err_t') e_t = sum_t' (W_out^T err_t') F_t'. With symmetric feedback this is exactly the gradient of
 * BPTT with the gradient through z_{t-1} in the recurrent input and the reset stopped
 * ({@link SpikingBptt} with {@code stopRecurrentSpikes}). The rate regulariser's slope depends on the
 * batch's rates, known at its end, and multiplies the running sum of the unfiltered traces.
 * <p>Cost per step: O(n_rec (n_in + n_rec)); memory O(n_rec (n_in + n_rec)), independent of the
 * number of steps (no per-step arrays: each trial's input is read in place).
 */
public final class Eprop implements LearningRule {
    private final NeuronParams neurons;
    private final Surrogate surrogate;
    private final Feedback feedback;
    private final RateRegulariser rate;

    Eprop(NeuronParams neurons, Surrogate surrogate, Feedback feedback, double rateCoefficient, double rateTargetHz) {
        SpikingBptt.requireNoSynapses(neurons, "e-prop");
        this.neurons = neurons;
        this.surrogate = surrogate;
        this.feedback = feedback;
        this.rate = new RateRegulariser(rateCoefficient, rateTargetHz, neurons.dtMs());
    }

    @Override
    public BatchResult run(Params p, InputBatch input, int[] labels, double[] lossMask) {
        return run(NeuronModels.spiking(neurons), p, input, labels, lossMask);
    }

    private <S extends SpikingState> BatchResult run(SpikingModel<S, ?> model, Params p, InputBatch input,
            int[] labels, double[] lossMask) {
        int n = p.nRec;
        int nIn = p.nIn;
        int nOut = p.nOut;
        int width = nIn + 1 + n;
        int batch = input.trials();
        int steps = input.steps();
        double kappa = neurons.kappa();
        double[] feedbackMatrix = new double[n * nOut];
        feedback.matrix(p.wOut, feedbackMatrix);
        BpttWeights weights = new BpttWeights(n, nIn, nOut);
        weights.load(p);

        SpikingDynamics<S> units = model.dynamics();
        SpikingGradients<S, ?> unitGradients = model.gradients(surrogate.support());
        double[] vTh = unitGradients.thresholdScale();
        S state = units.newState(1);
        EligibilityTraces traces = unitGradients.eligibilityTraces(width).orElseThrow(() ->
                new IllegalArgumentException("e-prop needs eligibility traces, which the " + neurons.type()
                        + " model does not have; train it with BPTT"));
        double[] z = new double[n];
        double[] current = new double[n];
        int[] near = new int[n];
        double[] distance = new double[n];
        double[] pre = new double[width];
        double[] psi = new double[n];
        double[] psiPrev = new double[n];
        double[] y = new double[nOut];
        double[] evidence = new double[nOut];
        double[] err = new double[nOut];
        double[] signal = new double[n];
        double[] scratch = new double[nOut];
        double[] spikeTrace = new double[n];
        double[] gradTraces = new double[n * width];
        double[] sumOfE = rate.active() ? new double[n * width] : null;
        long[] spikesPerUnit = new long[n];
        Params g = p.zerosLike();
        double taskLoss = 0;
        int correct = 0;
        long spikeCount = 0;

        for (int b = 0; b < batch; b++) {
            state.reset();
            Arrays.fill(z, 0.0);
            Arrays.fill(psiPrev, 0.0);
            Arrays.fill(y, 0.0);
            Arrays.fill(evidence, 0.0);
            Arrays.fill(spikeTrace, 0.0);
            traces.reset();
            double biasTrace = 0;
            for (int t = 0; t < steps; t++) {
                // Presynaptic values p_t = [x_t, 1, z_{t-1}] and the current I_t = W_in x_t + b_rec + W_rec z_{t-1}.
                int xOffset = input.offset(b, t);
                System.arraycopy(input.values(), xOffset, pre, 0, nIn);
                pre[nIn] = 1.0;
                System.arraycopy(z, 0, pre, nIn + 1, n);
                int[] spiked = state.spiked(0);
                SpikeInputCurrent.assemble(weights, p.bRec, input.values(), xOffset, spiked, 0, state.count(0),
                        current);
                for (int s = 0; s < state.count(0); s++) {
                    z[spiked[s]] = 0.0;
                }
                int spikedCount = units.step(state, 0, current, 0);
                spiked = state.spiked(0);
                for (int s = 0; s < spikedCount; s++) {
                    z[spiked[s]] = 1.0;
                }
                spikeCount += spikedCount;
                Arrays.fill(psi, 0.0);
                int nearCount = unitGradients.nearThreshold(state, 0, near, distance, 0);
                for (int s = 0; s < nearCount; s++) {
                    int j = near[s];
                    psi[j] = surrogate.derivative(distance[s], vTh[j]);
                }
                traces.advance(t, pre, psi, psiPrev, sumOfE);

                // Readout and its error.
                biasTrace = kappa * biasTrace + 1.0;
                for (int j = 0; j < n; j++) {
                    spikeTrace[j] = kappa * spikeTrace[j] + z[j];
                }
                for (int k = 0; k < nOut; k++) {
                    double drive = p.bOut[k];
                    for (int s = 0; s < spikedCount; s++) {
                        drive += p.wOut[k * n + spiked[s]];
                    }
                    y[k] = kappa * y[k] + drive;
                }
                for (int s = 0; s < spikedCount; s++) {
                    spikesPerUnit[spiked[s]]++;
                }
                double weight = lossMask[t];
                if (weight != 0.0) {
                    taskLoss += ReadoutLoss.crossEntropy(y, 0, nOut, labels[b], weight / batch, err, 0, scratch);
                    for (int k = 0; k < nOut; k++) {
                        evidence[k] += weight * y[k];
                        g.bOut[k] += err[k] * biasTrace;
                        int row = k * n;
                        for (int j = 0; j < n; j++) {
                            g.wOut[row + j] += err[k] * spikeTrace[j];
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int k = 0; k < nOut; k++) {
                            sum += feedbackMatrix[j * nOut + k] * err[k];
                        }
                        signal[j] = sum;
                    }
                    traces.addWeighted(t, signal, gradTraces);
                }
                System.arraycopy(psi, 0, psiPrev, 0, n);
            }
            correct += ReadoutLoss.argmax(evidence, 0, nOut) == labels[b] ? 1 : 0;
        }

        double rateLoss = 0;
        if (rate.active()) {
            double[] slope = rate.slopes(spikesPerUnit, steps, batch);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < width; i++) {
                    gradTraces[j * width + i] += slope[j] * sumOfE[j * width + i];
                }
            }
            rateLoss = rate.value(spikesPerUnit, steps, batch);
        }
        for (int j = 0; j < n; j++) {
            System.arraycopy(gradTraces, j * width, g.wIn, j * nIn, nIn);
            g.bRec[j] = gradTraces[j * width + nIn];
            System.arraycopy(gradTraces, j * width + nIn + 1, g.wRec, j * n, n);
            g.wRec[j * n + j] = 0.0; // no self-connections
        }
        return new BatchResult(taskLoss, rateLoss, correct, spikeCount, g);
    }
}
