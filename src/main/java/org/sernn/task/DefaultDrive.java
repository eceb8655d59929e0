package org.sernn.task;

import java.util.SplittableRandom;
import org.sernn.model.ModelConfig;
import org.sernn.sim.InputBatch;

/**
 * The input a model gets when no task is named: Poisson spikes on every input channel at the
 * config's {@code input.background.rate_hz} for {@code duration_ms}.
 */
public final class DefaultDrive {
    private DefaultDrive() {
    }

    public static InputBatch input(ModelConfig config, int trials, SplittableRandom random) {
        ModelConfig.Background background = config.input().background();
        double dtMs = config.neuron().dtMs();
        int steps = Math.max(1, (int) Math.round(background.durationMs() / dtMs));
        return PoissonEncoder.background(trials, steps, config.sizes().inputs(), background.rateHz(), dtMs, random);
    }
}
