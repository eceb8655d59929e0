package org.sernn.task;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sernn.sim.InputBatch;

/**
 * Turns values in [0, 1] into Poisson spike trains: in each step of dt_ms a channel with value x
 * spikes with probability x * maxRateHz * dt_ms / 1000 (a Bernoulli approximation of a Poisson
 * process, exact in the limit of small dt). Seeded: the same values and random give the same spikes.
 */
public final class PoissonEncoder {
    private final double maxRateHz;
    private final double dtMs;

    public PoissonEncoder(double maxRateHz, double dtMs) {
        if (!(maxRateHz >= 0) || !(dtMs > 0) || maxRateHz * dtMs / 1000.0 > 1.0) {
            throw new IllegalArgumentException("Poisson encoding needs 0 <= max rate <= 1000 / dt_ms Hz; got "
                    + maxRateHz + " Hz at dt " + dtMs + " ms");
        }
        this.maxRateHz = maxRateHz;
        this.dtMs = dtMs;
    }

    public InputBatch encode(InputBatch values, SplittableRandom random) {
        double[] in = values.values();
        double[] spikes = new double[in.length];
        double scale = maxRateHz * dtMs / 1000.0;
        for (int i = 0; i < in.length; i++) {
            double x = in[i];
            if (x < 0 || x > 1) {
                throw new IllegalArgumentException("Poisson encoding takes values in [0, 1], found " + x);
            }
            spikes[i] = random.nextDouble() < x * scale ? 1.0 : 0.0;
        }
        return new InputBatch(values.trials(), values.steps(), values.channels(), spikes);
    }

    /** Every channel of every trial firing at rateHz for the given number of steps. */
    public static InputBatch background(int trials, int steps, int channels, double rateHz, double dtMs,
            SplittableRandom random) {
        double[] ones = new double[trials * steps * channels];
        Arrays.fill(ones, 1.0);
        return new PoissonEncoder(rateHz, dtMs).encode(new InputBatch(trials, steps, channels, ones), random);
    }
}
