package org.sernn.train;

import java.util.Locale;

/**
 * One training epoch's averages and the network after it: one row of metrics.csv. {@link #csvRow}
 * and {@link #parseCsvRow} are each other's inverse on the columns of {@link #HEADER} (to the
 * printed precision), so a resumed run rewrites the earlier rows unchanged.
 */
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

    /** A row as {@link #csvRow} wrote it; throws NumberFormatException or IllegalArgumentException otherwise. */
    public static EpochMetrics parseCsvRow(String row) {
        String[] v = row.split(",", -1);
        if (v.length != HEADER.split(",").length) {
            throw new IllegalArgumentException("metrics row has " + v.length + " columns, not "
                    + HEADER.split(",").length + ": " + row);
        }
        return new EpochMetrics(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                Double.parseDouble(v[3]), Double.parseDouble(v[4]), Double.parseDouble(v[5]), Double.parseDouble(v[6]),
                Double.parseDouble(v[7]), Double.parseDouble(v[8]), Double.parseDouble(v[9]), Double.parseDouble(v[10]));
    }
}
