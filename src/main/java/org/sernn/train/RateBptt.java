package org.sernn.train;

import org.sernn.linalg.MatMul;
import org.sernn.linalg.MatMulPlan;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.rate.RateModel;
import org.sernn.sim.InputBatch;

/**
 * Backpropagation through time for rate units h_t = f(u_t), u_t = b + W_in x_t + W_rec h_{t-1}
 * (the original seRNN's SimpleRNN; Achterberg, Akarca et al. 2023), with the leaky readout:
 * <pre>
 *   gh_t = W_out^T gy_t + W_rec^T gu_{t+1},   gu_t = f'(u_t) gh_t
 *   dL/dW_rec = sum_t gu_t h_{t-1}^T, dL/dW_in = sum_t gu_t x_t^T, dL/dW_out = sum_t gy_t h_t^T
 * </pre>
 * Input noise, when used, is added to the batch before it gets here.
 */
public final class RateBptt implements LearningRule {
    private final NeuronParams neurons;

    public RateBptt(NeuronParams neurons) {
        this.neurons = neurons;
    }

    @Override
    public BatchResult run(Params p, InputBatch input, int[] labels, double[] lossMask) {
        int batch = input.trials();
        int steps = input.steps();
        int n = p.nRec;
        int rows = batch * steps;
        RateModel units = NeuronModels.rate(neurons);
        double[] x = BpttKernels.timeMajor(input);
        double[] preActivation = BpttKernels.inputCurrents(x, rows, p);
        double[] states = new double[rows * n];
        double[] recurrentInput = new double[batch * n];
        MatMulPlan recurrent = MatMulPlan.timesTransposeOf(p.wRec, n, n, batch);
        for (int t = 0; t < steps; t++) {
            int base = t * batch * n;
            if (t > 0) {
                recurrent.apply(states, base - batch * n, recurrentInput, 0);
                for (int i = 0; i < batch * n; i++) {
                    preActivation[base + i] += recurrentInput[i];
                }
            }
            units.step(preActivation, states, base, batch * n);
        }

        double[] drive = MatMul.timesTransposeOf(states, rows, n, p.wOut, p.nOut);
        double[] gradDrive = new double[rows * p.nOut];
        int[] correct = new int[1];
        double taskLoss = ReadoutLoss.apply(drive, p.bOut, neurons.kappa(), steps, batch, p.nOut, labels, lossMask,
                gradDrive, correct);
        double[] gradStates = MatMul.times(gradDrive, rows, p.nOut, p.wOut, n);

        double[] gradPre = new double[rows * n];
        double[] fromRecurrence = new double[batch * n];
        MatMulPlan recurrentBack = MatMulPlan.times(p.wRec, n, n, batch);
        for (int t = steps - 1; t >= 0; t--) {
            int base = t * batch * n;
            if (t < steps - 1) {
                recurrentBack.apply(gradPre, base + batch * n, fromRecurrence, 0);
            }
            // gh_t = W_out^T gy_t + W_rec^T gu_{t+1} (fromRecurrence is still zero at the last step)
            for (int i = 0; i < batch * n; i++) {
                gradStates[base + i] += fromRecurrence[i];
            }
            units.backwardStep(preActivation, gradStates, gradPre, base, batch * n);
        }
        Params gradients = BpttKernels.weightGradients(p, rows, x, states, batch, gradPre, gradDrive, false);
        return new BatchResult(taskLoss, 0.0, correct[0], 0, gradients);
    }
}
