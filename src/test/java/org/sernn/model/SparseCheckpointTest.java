package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint's w_rec comes back held sparse when it is sparse (at most a quarter non-zero), dense
 * when it is not or when it holds -0.0 entries (Dale signs on absent synapses), with the same bits
 * either way.
 */
class SparseCheckpointTest {
    @TempDir
    Path dir;

    private Network roundTrip(Network network) {
        Path file = dir.resolve("model.npz");
        NetworkCheckpoint.write(file, network);
        Network read = NetworkCheckpoint.read(file);
        assertEquals(network, read);
        assertArrayEquals(network.wRec().toArray(), read.wRec().toArray(), "w_rec bit for bit (signed zeros too)");
        return read;
    }

    private static Network drawn(double connectionProb) {
        return NetworkFactory.build(ConfigLoader.fromYaml("seed: 4\nsizes: {inputs: 3, recurrent: 40, outputs: 2}\n"
                + "space: {layout: box}\nweights: {w_rec: {init: gaussian, connection_prob: " + connectionProb + "}}\n",
                "inline"), Path.of("."));
    }

    @Test
    void sparseWeightsAreReadSparse() {
        assertTrue(roundTrip(drawn(0.1)).recurrentWeights().heldSparse());
    }

    @Test
    void denseWeightsAreReadDense() {
        assertFalse(roundTrip(drawn(0.9)).recurrentWeights().heldSparse());
    }

    @Test
    void signedZerosKeepTheWeightsDense() {
        Network dale = NetworkCheckpointTest.sample();
        long negativeZeros = java.util.Arrays.stream(dale.wRec().toArray())
                .filter(w -> Double.doubleToRawLongBits(w) == Double.doubleToRawLongBits(-0.0)).count();
        assertTrue(negativeZeros > 0, "the Dale sample must hold -0.0 entries for this test to mean anything");
        assertFalse(roundTrip(dale).recurrentWeights().heldSparse());
    }
}
