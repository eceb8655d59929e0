package org.sernn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.sim.InputBatch;

class PoissonEncoderTest {
    @Test
    void spikeCountMatchesTheRateWithinBinomialSpread() {
        int trials = 4;
        int steps = 50_000;
        InputBatch spikes = PoissonEncoder.background(trials, steps, 5, 40.0, 1.0, new SplittableRandom(3));
        double p = 40.0 * 1.0 / 1000.0;
        long n = (long) trials * steps * 5;
        long count = 0;
        for (double value : spikes.values()) {
            assertEquals(value == 0.0 || value == 1.0, true);
            count += (long) value;
        }
        double sd = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, count, 5 * sd, "spike count against Binomial(n, p)");
    }

    @Test
    void valuesScaleTheRateAndTheSeedFixesTheTrain() {
        double[] half = new double[100_000];
        java.util.Arrays.fill(half, 0.5);
        InputBatch values = new InputBatch(1, 100_000, 1, half);
        PoissonEncoder encoder = new PoissonEncoder(100.0, 0.5);
        InputBatch a = encoder.encode(values, new SplittableRandom(9));
        InputBatch b = encoder.encode(values, new SplittableRandom(9));
        assertArrayEquals(a.values(), b.values());
        double count = java.util.Arrays.stream(a.values()).sum();
        double p = 0.5 * 100.0 * 0.5 / 1000.0;
        assertEquals(100_000 * p, count, 5 * Math.sqrt(100_000 * p * (1 - p)));
    }

    @Test
    void refusesValuesOutsideTheUnitInterval() {
        InputBatch values = new InputBatch(1, 1, 1, new double[] {1.5});
        assertThrows(IllegalArgumentException.class, () -> new PoissonEncoder(10, 1).encode(values, new SplittableRandom(1)));
    }
}
