package org.sernn.sim;

/**
 * What a run keeps besides spikes, readout and counts.
 *
 * @param states membrane voltage v and adaptive threshold A of spiking units (activation h of rate
 *               units, threshold unused), per trial, step and unit
 */
public record RecordOptions(boolean states) {
    public static final RecordOptions SPIKES_ONLY = new RecordOptions(false);
    public static final RecordOptions WITH_STATES = new RecordOptions(true);
}
