package org.sernn.train;

import java.util.Arrays;

/**
 * Cross-entropy on the leaky readout (docs/learning.md):
 * L = sum_t mask_t CE(softmax(y_t), label) / B, y_t = kappa y_{t-1} + drive_t + b_out with drive_t
 * = W_out z_t. Arrays are time-major: index (t * B + b) * nOut + o. The prediction of a trial is the
 * argmax of sum_t mask_t y_t (the readout over the loss window).
 */
final class ReadoutLoss {
    private ReadoutLoss() {
    }

    /**
     * Integrates the readout in place ({@code drive} becomes y) and returns the loss; {@code gradY}
     * receives dL/d drive_t (the total derivative through the leak) and {@code correct[0]} the
     * number of correctly classified trials.
     */
    static double apply(double[] drive, double[] bOut, double kappa, int steps, int batch, int nOut, int[] labels,
            double[] lossMask, double[] gradY, int[] correct) {
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int row = (t * batch + b) * nOut;
                int previous = row - batch * nOut;
                for (int o = 0; o < nOut; o++) {
                    drive[row + o] += bOut[o] + (t > 0 ? kappa * drive[previous + o] : 0.0);
                }
            }
        }
        double loss = 0;
        double[] probabilities = new double[nOut];
        double[] evidence = new double[batch * nOut];
        Arrays.fill(gradY, 0.0);
        for (int t = 0; t < steps; t++) {
            double weight = lossMask[t];
            if (weight == 0.0) {
                continue;
            }
            for (int b = 0; b < batch; b++) {
                int row = (t * batch + b) * nOut;
                for (int o = 0; o < nOut; o++) {
                    evidence[b * nOut + o] += weight * drive[row + o];
                }
                loss += crossEntropy(drive, row, nOut, labels[b], weight / batch, gradY, row, probabilities);
            }
        }
        // Back through the leak: dL/d drive_t = gy_t + kappa dL/d drive_{t+1}.
        for (int t = steps - 2; t >= 0; t--) {
            for (int i = 0; i < batch * nOut; i++) {
                gradY[t * batch * nOut + i] += kappa * gradY[(t + 1) * batch * nOut + i];
            }
        }
        int right = 0;
        for (int b = 0; b < batch; b++) {
            right += argmax(evidence, b * nOut, nOut) == labels[b] ? 1 : 0;
        }
        correct[0] = right;
        return loss;
    }

    /**
     * One step of one trial: returns w CE(softmax(y), label) for y = y[yOffset, yOffset + nOut) and
     * writes its derivative w (softmax(y) - onehot(label)) into grad[gradOffset, gradOffset + nOut).
     * {@code scratch} holds at least nOut values.
     */
    static double crossEntropy(double[] y, int yOffset, int nOut, int label, double w, double[] grad, int gradOffset,
            double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < nOut; o++) {
            max = Math.max(max, y[yOffset + o]);
        }
        double sum = 0;
        for (int o = 0; o < nOut; o++) {
            scratch[o] = Math.exp(y[yOffset + o] - max);
            sum += scratch[o];
        }
        for (int o = 0; o < nOut; o++) {
            grad[gradOffset + o] = w * (scratch[o] / sum - (o == label ? 1.0 : 0.0));
        }
        return -w * (y[yOffset + label] - max - Math.log(sum));
    }

    /** The class with the largest evidence in evidence[offset, offset + nOut) (the first on ties). */
    static int argmax(double[] evidence, int offset, int nOut) {
        int best = 0;
        for (int o = 1; o < nOut; o++) {
            if (evidence[offset + o] > evidence[offset + best]) {
                best = o;
            }
        }
        return best;
    }
}
