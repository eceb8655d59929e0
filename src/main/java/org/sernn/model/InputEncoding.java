package org.sernn.model;

/** How input values reach the recurrent units. */
public enum InputEncoding {
    /** The value is injected as a current through W_in. */
    CURRENT,
    /** The value in [0, 1] sets the rate of a seeded Poisson spike train (value 1 = max_rate_hz). */
    POISSON
}
