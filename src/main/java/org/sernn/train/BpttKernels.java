package org.sernn.train;

import org.sernn.sim.InputBatch;

/**
 * Element-wise pieces of rate BPTT ({@link RateBptt}). Arrays are time-major: row (t * B + b) of a
 * (T * B, width) matrix holds trial b at step t, so a whole sequence is one GEMM operand.
 */
final class BpttKernels {
    private BpttKernels() {
    }

    /** x[(t * B + b) * nIn + k] from the trial-major input batch, into {@code x}. */
    static void timeMajor(InputBatch input, double[] x) {
        int batch = input.trials();
        int steps = input.steps();
        int channels = input.channels();
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(input.values(), input.offset(b, t), x, (t * batch + b) * channels, channels);
            }
        }
    }

    /** Adds the bias {@code bias[j]} to column j of every row of the (rows, bias.length) matrix {@code m}. */
    static void addToRows(double[] m, int rows, double[] bias) {
        int width = bias.length;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                m[r * width + j] += bias[j];
            }
        }
    }

    /** The biases' gradients, sums over rows of the adjoints: gradCurrent (rows, n_rec), gradDrive (rows, n_out). */
    static void biasGradients(Params g, int rows, double[] gradCurrent, double[] gradDrive) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < g.nRec; j++) {
                g.bRec[j] += gradCurrent[r * g.nRec + j];
            }
            for (int o = 0; o < g.nOut; o++) {
                g.bOut[o] += gradDrive[r * g.nOut + o];
            }
        }
    }
}
