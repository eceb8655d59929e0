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
}
