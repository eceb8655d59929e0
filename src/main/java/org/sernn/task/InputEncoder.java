package org.sernn.task;

import java.util.SplittableRandom;
import org.sernn.model.InputEncoding;
import org.sernn.model.ModelConfig;
import org.sernn.model.SequenceEncoding;
import org.sernn.sim.InputBatch;

/**
 * How a task's input values reach the network, from the config's {@code input.encoding}: current
 * injection passes the values through unchanged (they enter as W_in x_t); Poisson encoding draws
 * seeded spike trains with rate value * max_rate_hz, also when a recorded task asks for them with
 * {@code task.encoding: poisson}.
 */
public final class InputEncoder {
    private InputEncoder() {
    }

    public static InputBatch encode(ModelConfig config, InputBatch values, SplittableRandom random) {
        boolean poisson = config.input().encoding() == InputEncoding.POISSON
                || config.task() != null && config.task().encoding() == SequenceEncoding.POISSON;
        return poisson ? new PoissonEncoder(config.input().maxRateHz(), config.neuron().dtMs()).encode(values, random)
                : values;
    }
}
