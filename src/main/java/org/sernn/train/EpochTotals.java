package org.sernn.train;

/** Running sums over an epoch's batches: the mean losses per batch, accuracy and firing rate. */
public final class EpochTotals {
    private double taskLoss;
    private double regulariserLoss;
    private double rateLoss;
    private long correct;
    private long trials;
    private long spikes;
    private long unitSteps;
    private int batches;

    void add(BatchResult result, double regulariser, int batchTrials, int steps) {
        taskLoss += result.taskLoss();
        rateLoss += result.rateLoss();
        regulariserLoss += regulariser;
        correct += result.correct();
        trials += batchTrials;
        spikes += result.spikes();
        unitSteps += (long) batchTrials * steps;
        batches++;
    }

    public double taskLoss() {
        return taskLoss / batches;
    }

    public double regulariserLoss() {
        return regulariserLoss / batches;
    }

    public double rateLoss() {
        return rateLoss / batches;
    }

    /** The mean of the loss the optimiser minimised: task plus firing-rate term plus regulariser. */
    public double totalLoss() {
        return taskLoss() + rateLoss() + regulariserLoss();
    }

    public double accuracy() {
        return (double) correct / trials;
    }

    public double meanRateHz(double dtMs, int n) {
        return spikes / (unitSteps * (double) n * dtMs / 1000.0);
    }
}
