package org.sernn.model;

/** Which simulation steps of a trial enter the loss (config key {@code task.loss_over}). */
public enum LossSpan {
    /** The final {@code task.loss_window} task steps. */
    WINDOW,
    /** Every step of the trial, weighted equally. */
    SEQUENCE
}
