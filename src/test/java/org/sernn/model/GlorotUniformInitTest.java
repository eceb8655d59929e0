package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;

/** Keras' glorot_uniform: bounds sqrt(6 / (fan_in + fan_out)), variance 2 / (fan_in + fan_out). */
class GlorotUniformInitTest {

    @Test
    void entriesAreUniformWithinTheGlorotLimit() {
        // w_in of the maze rate network: 100 units (fan_out) by 8 inputs (fan_in), drawn 50 times
        double limit = Math.sqrt(6.0 / 108);
        double sum = 0;
        double sumSquares = 0;
        double max = 0;
        int count = 0;
        SplittableRandom random = new SplittableRandom(5);
        for (int draw = 0; draw < 50; draw++) {
            DenseMatrix w = WeightInitializer.draw(new ModelConfig.WeightInit(WeightInitKind.GLOROT_UNIFORM, 1.0, 1.0),
                    100, 8, random);
            for (double v : w.toArray()) {
                sum += v;
                sumSquares += v * v;
                max = Math.max(max, Math.abs(v));
                count++;
            }
        }
        assertTrue(max <= limit && max > 0.999 * limit, "max |w| " + max + " limit " + limit);
        assertEquals(0, sum / count, 0.004);   // SE of the mean: 0.136 / sqrt(40000) = 0.0007
        assertEquals(2.0 / 108, sumSquares / count, 0.02 * 2.0 / 108);
    }

    @Test
    void theKerasRateConfigDrawsGlorotInputAndOutputKernels() {
        Network network = ModelSource.load(Path.of("models/rate-sernn-keras.yaml"));
        double inLimit = Math.sqrt(6.0 / (8 + 100));
        double outLimit = Math.sqrt(6.0 / (100 + 4));
        assertTrue(java.util.Arrays.stream(network.wIn().toArray()).allMatch(v -> Math.abs(v) <= inLimit));
        assertTrue(java.util.Arrays.stream(network.wOut().toArray()).allMatch(v -> Math.abs(v) <= outLimit));
        assertTrue(java.util.Arrays.stream(network.wIn().toArray()).anyMatch(v -> Math.abs(v) > 0.9 * inLimit));
    }
}
