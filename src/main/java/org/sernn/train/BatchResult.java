package org.sernn.train;

/**
 * One batch's forward and backward pass.
 *
 * @param taskLoss    masked cross-entropy of the readout, averaged over trials
 * @param rateLoss    firing-rate regulariser c_reg sum_j (f_j - f_target)^2 (0 for rate networks)
 * @param correct     trials whose prediction matched the label
 * @param spikes      recurrent spikes in the batch
 * @param gradients   d(taskLoss + rateLoss)/d parameters (no structural regulariser)
 */
public record BatchResult(double taskLoss, double rateLoss, int correct, long spikes, Params gradients) {
}
