package org.sernn.model;

/** How pixel intensities become inputs (config key {@code task.encoding} of {@code sequential_image}). */
public enum SequenceEncoding {
    /** Intensity / 255 in [0, 1], injected as a current. */
    CURRENT,
    /**
     * Delta modulation: two channels per intensity channel, an "on" spike when the intensity rose by
     * more than {@code task.delta_threshold} (as a fraction of full scale) since the previous task
     * step and an "off" spike when it fell by more.
     */
    DELTA,
    /** Intensity / 255 as the rate of a seeded Poisson spike train (value 1 = {@code input.max_rate_hz}). */
    POISSON
}
