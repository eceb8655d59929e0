package org.sernn.cli.demo;

import java.io.PrintStream;

/** The demo's steps in the order it runs them; the only place that numbers them. */
public enum DemoStep {
    TRAIN, DEPLOY, SIMULATE, ANALYSE, EPROP, EXPORT;

    /** Prints the step's heading, {@code "N. what"}. */
    public void announce(PrintStream log, String what) {
        log.println((ordinal() + 1) + ". " + what);
    }
}
