package org.sernn.train;

import java.util.Arrays;

/**
 * Cross-entropy on the leaky readout (DESIGN.md, "Gradient dump"):
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
                double max = Double.NEGATIVE_INFINITY;
                for (int o = 0; o < nOut; o++) {
                    max = Math.max(max, drive[row + o]);
                    evidence[b * nOut + o] += weight * drive[row + o];
                }
                double sum = 0;
                for (int o = 0; o < nOut; o++) {
                    probabilities[o] = Math.exp(drive[row + o] - max);
                    sum += probabilities[o];
                }
                loss -= weight * (drive[row + labels[b]] - max - Math.log(sum)) / batch;
                for (int o = 0; o < nOut; o++) {
                    gradY[row + o] = weight * (probabilities[o] / sum - (o == labels[b] ? 1.0 : 0.0)) / batch;
                }
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
            int best = 0;
            for (int o = 1; o < nOut; o++) {
                if (evidence[b * nOut + o] > evidence[b * nOut + best]) {
                    best = o;
                }
            }
            right += best == labels[b] ? 1 : 0;
        }
        correct[0] = right;
        return loss;
    }
}
