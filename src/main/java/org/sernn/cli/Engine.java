package org.sernn.cli;

import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.Simulator;

/** The engines a user can name on the command line. */
public enum Engine {
    EVENT, DENSE;

    public Simulator simulator() {
        return this == EVENT ? new EventSimulator() : new DenseSimulator();
    }
}
