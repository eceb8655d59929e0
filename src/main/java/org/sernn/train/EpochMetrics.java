package org.sernn.train;

import java.util.Locale;

/** One row of metrics.csv: the training epoch's averages and the network after it. */
public record EpochMetrics(int epoch, double taskLoss, double regulariserLoss, double rateLoss, double trainAccuracy,
        double validationAccuracy, double meanRateHz, double fractionNearZero, double totalAbsWRec,
        double weightDistanceCorr, double seconds) {

    public static final String HEADER = "epoch,task_loss,regulariser_loss,rate_loss,train_accuracy,"
            + "validation_accuracy,mean_rate_hz,fraction_near_zero,total_abs_w_rec,weight_distance_corr,seconds";

    public String csvRow() {
        return String.format(Locale.ROOT, "%d,%.9g,%.9g,%.9g,%.6f,%.6f,%.6g,%.6f,%.9g,%.6f,%.3f", epoch, taskLoss,
                regulariserLoss, rateLoss, trainAccuracy, validationAccuracy, meanRateHz, fractionNearZero,
                totalAbsWRec, weightDistanceCorr, seconds);
    }
}
