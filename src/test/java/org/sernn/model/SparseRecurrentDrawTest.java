package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.linalg.WeightMatrix;

/**
 * Recurrent weights drawn straight into sparse form hold exactly the entries of a plain dense draw
 * from the same stream (each entry: a mask draw below p, then its value; the diagonal drawn and then
 * zeroed for spiking units), and leave the stream where the dense draw leaves it, so w_out and
 * everything drawn after are unchanged.
 */
class SparseRecurrentDrawTest {

    /** The dense reference, written out independently of the initialiser. */
    private static double[] denseReference(WeightInitKind kind, double gain, double p, int n, boolean zeroDiagonal,
            SplittableRandom random) {
        double[] w = new double[n * n];
        double std = gain / Math.sqrt(p * n);
        double limit = gain * Math.sqrt(6.0 / (2 * n) / p);
        for (int i = 0; i < w.length; i++) {
            if (random.nextDouble() < p) {
                w[i] = kind == WeightInitKind.GAUSSIAN ? std * random.nextGaussian()
                        : limit * (2 * random.nextDouble() - 1);
            }
        }
        if (zeroDiagonal) {
            for (int i = 0; i < n; i++) {
                w[i * n + i] = 0.0;
            }
        }
        return w;
    }

    @ParameterizedTest
    @CsvSource({"GAUSSIAN, 0.8, 0.1, 300, true", "GAUSSIAN, 1.5, 0.02, 700, false", "GLOROT_UNIFORM, 1.0, 0.2, 50, true",
        "GAUSSIAN, 1.0, 0.0001, 20, true"})
    void sparseDrawEqualsTheDenseDraw(WeightInitKind kind, double gain, double p, int n, boolean withoutSelf) {
        ModelConfig.WeightInit init = new ModelConfig.WeightInit(kind, gain, p);
        SplittableRandom drawn = new SplittableRandom(42);
        SplittableRandom reference = new SplittableRandom(42);
        WeightMatrix w = WeightInitializer.drawRecurrent(init, n, withoutSelf, null, drawn);
        assertTrue(w.heldSparse());
        assertArrayEquals(denseReference(kind, gain, p, n, withoutSelf, reference), w.asDense().toArray());
        assertEquals(reference.nextLong(), drawn.nextLong(), "the stream after the draw");
    }

    @ParameterizedTest
    @CsvSource({"0.1, false", "0.5, false", "1.0, false", "0.1, true"})
    void factoryNetworksHoldSparseOnlySparseMaskedDrawsWithoutDale(double p, boolean dale) {
        String yaml = "seed: 3\nsizes: {recurrent: 40}\nspace: {layout: box}\nweights: {w_rec: {init: gaussian, connection_prob: " + p + "}"
                + (dale ? ", dale: {excitatory_fraction: 0.8}" : "") + "}\n";
        Network network = NetworkFactory.build(ConfigLoader.fromYaml(yaml, "inline"), Path.of("."));
        if (p <= 0.25 && !dale) {
            assertTrue(network.recurrentWeights().heldSparse());
        } else {
            assertFalse(network.recurrentWeights().heldSparse());
        }
        for (int i = 0; i < network.nRec(); i++) {
            assertEquals(0.0, Math.abs(network.wRec().get(i, i)), "no self-connection at " + i);
        }
    }
}
