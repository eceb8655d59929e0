package org.sernn.task;

/** A named part of a trial, in task steps {@code [fromTaskStep, toTaskStep)}; used to mark figures. */
public record TaskPhase(String name, int fromTaskStep, int toTaskStep) {
}
