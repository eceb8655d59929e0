package org.sernn.cli;

import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.Simulator;

/** The engines a user can name on the command line. */
public enum Engine {
    EVENT, DENSE;

    public Simulator simulator() {
        return simulator(1);
    }

    /** The engine with its trials spread over up to {@code threads} threads (bit-identical to one thread). */
    public Simulator simulator(int threads) {
        return this == EVENT ? new EventSimulator(threads) : new DenseSimulator(threads);
    }
}
