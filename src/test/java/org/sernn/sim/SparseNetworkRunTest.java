package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.task.DefaultDrive;

/**
 * A network whose recurrent weights are held sparse (as drawn) runs exactly as the same network
 * with them held dense: equal spikes, states, readout and counts on the event engine (lists built
 * from the sparse form without a dense pass) and on the dense engine (which converts once).
 */
class SparseNetworkRunTest {

    private static void assertSameRecording(Recording expected, Recording actual) {
        assertEquals(expected.spikes(), actual.spikes());
        assertArrayEquals(expected.readout(), actual.readout());
        assertArrayEquals(expected.voltage(), actual.voltage());
        assertArrayEquals(expected.threshold(), actual.threshold());
        assertEquals(expected.counts(), actual.counts());
    }

    @Test
    void sparseAndDenseHeldWeightsGiveTheSameRecording() {
        Network sparse = NetworkFactory.build(ConfigLoader.fromYaml("seed: 8\nsizes: {recurrent: 300}\nspace: {layout: box}\n"
                + "neuron: {alif_fraction: 0.5}\nweights: {w_in: {gain: 3}, w_rec: {init: gaussian, gain: 1.2, "
                + "connection_prob: 0.05}}\ninput: {background: {rate_hz: 20, duration_ms: 150}}\n", "inline"),
                Path.of("."));
        assertTrue(sparse.recurrentWeights().heldSparse());
        Network dense = new Network(sparse.config(), sparse.positions(), sparse.neurons(), sparse.wIn(),
                org.sernn.linalg.DenseMatrix.of(sparse.nRec(), sparse.nRec(), sparse.wRec().toArray()), sparse.wOut(),
                sparse.bRec(), sparse.bOut());
        assertFalse(dense.recurrentWeights().heldSparse());
        assertEquals(dense, sparse);
        InputBatch input = DefaultDrive.input(sparse.config(), 3, new SplittableRandom(5));
        Recording reference = new EventSimulator().run(dense, input, RecordOptions.WITH_STATES);
        assertTrue(reference.counts().spikes() > 100, "the network must spike for the comparison to mean anything");
        assertSameRecording(reference, new EventSimulator().run(sparse, input, RecordOptions.WITH_STATES));
        assertSameRecording(new DenseSimulator().run(dense, input, RecordOptions.WITH_STATES),
                new DenseSimulator().run(sparse, input, RecordOptions.WITH_STATES));
    }
}
