package org.sernn.train;

import java.util.Arrays;
import org.sernn.linalg.Gemm;
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
 *
 * <p>Cost: one B x n by n x n product per step forwards and one backwards, one whole-sequence product
 * for the recurrent weights' gradient and the readout's products only on the steps the loss depends
 * on ({@link #readoutSteps}), each one direct BLAS dgemm on native arrays kept between batches
 * ({@link RateBpttWorkspace}); the input terms go over the non-zero inputs only. The element-wise work
 * (activation, its derivative, biases) runs on Java arrays, one block of B x n copied each way per
 * step. An instance runs one batch at a time.
 */
public final class RateBptt implements LearningRule {
    private final NeuronParams neurons;
    private final RateModel units;
    private RateBpttWorkspace work;

    public RateBptt(NeuronParams neurons) {
        this.neurons = neurons;
        this.units = NeuronModels.rate(neurons);
    }

    @Override
    public BatchResult run(Params p, InputBatch input, int[] labels, double[] lossMask) {
        int batch = input.trials();
        int steps = input.steps();
        if (work == null || !work.fits(batch, steps, p)) {
            work = new RateBpttWorkspace(batch, steps, p.nIn, p.nRec, p.nOut);
        }
        RateBpttWorkspace w = work;
        BpttWeights.transposeInto(p.wIn, p.nRec, p.nIn, w.inByChannel);
        w.wRec.put(p.wRec, 0, p.wRec.length, 0);
        w.wOut.put(p.wOut, 0, p.wOut.length, 0);
        BpttKernels.timeMajor(input, w.x);
        boolean[] readout = readoutSteps(lossMask, neurons.kappa());
        forward(p, w, readout);

        int[] correct = new int[1];
        double taskLoss = ReadoutLoss.apply(w.drive, p.bOut, neurons.kappa(), steps, batch, p.nOut, labels, lossMask,
                w.gradDrive, correct);
        w.gradDriveNative.put(w.gradDrive, 0, w.gradDrive.length, 0);
        backward(w, readout);
        return new BatchResult(taskLoss, 0.0, correct[0], 0, gradients(p, w, readout));
    }

    /**
     * The steps whose readout the loss depends on: those in the loss mask, and with a leaky readout
     * (kappa > 0) every step up to the last of them. Elsewhere the drive and its adjoint are 0.
     */
    static boolean[] readoutSteps(double[] lossMask, double kappa) {
        boolean[] seen = new boolean[lossMask.length];
        int last = -1;
        for (int t = 0; t < lossMask.length; t++) {
            seen[t] = lossMask[t] != 0.0;
            last = seen[t] ? t : last;
        }
        if (kappa != 0.0) {
            Arrays.fill(seen, 0, last + 1, true);
        }
        return seen;
    }

    /**
     * b_rec + W_in x into row {@code row} of w.preActivation, adding only the columns of the non-zero
     * inputs (as the spiking rules do, {@link SpikeInputCurrent}): the maze's inputs are 85% zeros.
     */
    private static void inputCurrent(double[] bRec, RateBpttWorkspace w, int row) {
        int n = w.n;
        System.arraycopy(bRec, 0, w.preActivation, row * n, n);
        for (int k = 0; k < w.nIn; k++) {
            double value = w.x[row * w.nIn + k];
            if (value != 0.0) {
                VectorOps.addScaled(value, w.inByChannel[k], 0, w.preActivation, row * n, n);
            }
        }
    }

    /**
     * u_t and h_t for every step into w.preActivation and w.states (and h into w.paddedStates), the
     * readout's drive on the {@code readout} steps into w.drive.
     */
    private void forward(Params p, RateBpttWorkspace w, boolean[] readout) {
        int n = w.n;
        int block = w.batch * n;
        for (int row = 0; row < w.rows; row++) {
            inputCurrent(p.bRec, w, row);
        }
        for (int t = 0; t < w.steps; t++) {
            int base = t * block;
            if (t > 0) {
                // h_{t-1} W_rec^T: block t of the padded states holds h_{t-1}
                Gemm.timesTransposeOf(w.paddedStates, base, w.wRec, 0, w.blockNative, 0, w.batch, n, n, 0.0);
                w.blockNative.get(0, w.blockProduct, 0, block);
                for (int i = 0; i < block; i++) {
                    w.preActivation[base + i] += w.blockProduct[i];
                }
            }
            units.step(w.preActivation, w.states, base, block);
            w.paddedStates.put(w.states, base, block, base + block);
        }
        // the readout's drive W_out h_t, on the steps the loss can see (the others stay 0)
        int outBlock = w.batch * w.nOut;
        for (int t = 0; t < w.steps; t++) {
            if (readout[t]) {
                Gemm.timesTransposeOf(w.paddedStates, (t + 1) * block, w.wOut, 0, w.driveNative, t * outBlock,
                        w.batch, n, w.nOut, 0.0);
                w.driveNative.get(t * outBlock, w.drive, t * outBlock, outBlock);
            } else {
                Arrays.fill(w.drive, t * outBlock, (t + 1) * outBlock, 0.0);
            }
        }
    }

    /** gu_t for every step into w.gradPre and w.gradPreNative, given dL/d drive in w.gradDriveNative. */
    private void backward(RateBpttWorkspace w, boolean[] readout) {
        int n = w.n;
        int block = w.batch * n;
        double[] gradStates = w.states; // the states are not needed any more: h_t is in w.paddedStates
        int outBlock = w.batch * w.nOut;
        for (int t = w.steps - 1; t >= 0; t--) {
            int base = t * block;
            // gh_t = W_out^T gy_t (0 where the loss cannot see the readout) + W_rec^T gu_{t+1}, summed by BLAS
            boolean last = t == w.steps - 1;
            if (readout[t]) {
                Gemm.times(w.gradDriveNative, t * outBlock, w.wOut, 0, w.blockNative, 0, w.batch, w.nOut, n, 0.0);
            }
            if (!last) {
                Gemm.times(w.gradPreNative, base + block, w.wRec, 0, w.blockNative, 0, w.batch, n, n,
                        readout[t] ? 1.0 : 0.0);
            }
            if (readout[t] || !last) {
                w.blockNative.get(0, gradStates, base, block);
            } else {
                Arrays.fill(gradStates, base, base + block, 0.0);
            }
            units.backwardStep(w.preActivation, gradStates, w.gradPre, base, block);
            w.gradPreNative.put(w.gradPre, base, block, base);
        }
    }

    /** dL/dW_rec = gu^T h_prev, dL/dW_in = gu^T x, dL/dW_out = gy^T h (sums over all rows), and the biases'. */
    private static Params gradients(Params p, RateBpttWorkspace w, boolean[] readout) {
        int n = w.n;
        Gemm.transposeTimes(w.gradPreNative, 0, w.paddedStates, 0, w.gradWRec, 0, n, w.rows, n, 0.0);
        boolean first = true;
        for (int t = 0; t < w.steps; t++) {
            if (readout[t]) {
                Gemm.transposeTimes(w.gradDriveNative, t * w.batch * w.nOut, w.paddedStates, (t + 1) * w.batch * n,
                        w.gradWOut, 0, w.nOut, w.batch, n, first ? 0.0 : 1.0);
                first = false;
            }
        }
        if (first) {
            w.gradWOut.zero(0, w.nOut * n);
        }
        Params g = p.zerosLike();
        w.gradWRec.get(0, g.wRec, 0, g.wRec.length);
        inputAndBiasGradients(w, g);
        w.gradWOut.get(0, g.wOut, 0, g.wOut.length);
        return g;
    }

    /**
     * In one pass over the rows of gu: dL/db_rec = sum gu, dL/dW_in[:, k] = sum over the rows with x_k != 0
     * of x_k gu; and dL/db_out = sum gy.
     */
    private static void inputAndBiasGradients(RateBpttWorkspace w, Params g) {
        for (double[] channel : w.gradInByChannel) {
            Arrays.fill(channel, 0.0);
        }
        for (int row = 0; row < w.rows; row++) {
            VectorOps.addScaled(1.0, w.gradPre, row * w.n, g.bRec, 0, w.n);
            VectorOps.addScaled(1.0, w.gradDrive, row * w.nOut, g.bOut, 0, w.nOut);
            for (int k = 0; k < w.nIn; k++) {
                double value = w.x[row * w.nIn + k];
                if (value != 0.0) {
                    VectorOps.addScaled(value, w.gradPre, row * w.n, w.gradInByChannel[k], 0, w.n);
                }
            }
        }
        BpttWeights.transposeFrom(w.gradInByChannel, w.n, w.nIn, g.wIn);
    }
}
