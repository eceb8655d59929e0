package org.sernn.sim;

/**
 * Inputs for a batch of trials, values[(trial * steps + step) * channels + channel]. For spike
 * inputs the values are 0 or 1; for current injection any finite value. A non-zero value is an
 * input event: it walks that channel's fan-out in the event engine.
 */
public record InputBatch(int trials, int steps, int channels, double[] values) {

    public InputBatch {
        if (trials < 1 || steps < 1 || channels < 1) {
            throw new IllegalArgumentException("an input batch needs at least one trial, step and channel; got ("
                    + trials + ", " + steps + ", " + channels + ")");
        }
        if (values.length != (long) trials * steps * channels) {
            throw new IllegalArgumentException("input batch (" + trials + ", " + steps + ", " + channels + ") needs "
                    + (long) trials * steps * channels + " values, got " + values.length);
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("input values must be finite, found " + value);
            }
        }
    }

    public double value(int trial, int step, int channel) {
        return values[(trial * steps + step) * channels + channel];
    }

    /** Offset of (trial, step, channel 0) in {@link #values()}. */
    public int offset(int trial, int step) {
        return (trial * steps + step) * channels;
    }
}
