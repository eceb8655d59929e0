package org.sernn.neuron.adlif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronType;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.task.PoissonEncoder;

/**
 * adLIF networks built from configs run on the event engine (CSR scatter) and the dense engine
 * (GEMM) with identical spike rasters, on seeded random networks of both discretisations. The two
 * engines sum the synaptic input in different orders; adLIF units with a < 0 are linearly unstable
 * below threshold (the eigenvalues of their (u, w) map exceed 1), so a last-bit difference in one
 * current grows until a spike flips. The weights are therefore rounded to multiples of 2^-8: then
 * every partial sum is exact in double precision, the order does not matter, and the engines must
 * agree bit for bit, rasters, membranes and readouts alike.
 */
class AdlifEngineEquivalenceTest {

    @ParameterizedTest(name = "{0} units, {1}, connection probability {2}, seed {3}")
    @CsvSource({
        "20, adlif, 1.0, 1",
        "50, adlif, 0.2, 2",
        "100, adlif, 1.0, 3",
        "300, adlif, 0.05, 4",
        "20, adlif_symplectic, 1.0, 5",
        "50, adlif_symplectic, 0.2, 6",
        "100, adlif_symplectic, 1.0, 7",
        "300, adlif_symplectic, 0.05, 8",
    })
    void eventAndDenseEnginesGiveIdenticalRasters(int n, String type, double connectionProb, long seed) {
        String yaml = "name: adlif-" + seed + "\nseed: " + seed + "\n"
                + "sizes: {inputs: 20, recurrent: " + n + ", outputs: 3}\n"
                + "space: {layout: box}\n"
                + "neuron: {type: " + type + ", tau_out_ms: 20}\n"
                + "weights:\n"
                + "  w_in: {init: gaussian, gain: 20, connection_prob: 0.5}\n"
                + "  w_rec: {init: gaussian, gain: 6, connection_prob: " + connectionProb + "}\n";
        Network network = dyadic(NetworkFactory.build(ConfigLoader.fromYaml(yaml, "adlif-" + seed), Path.of(".")));
        assertEquals(NeuronType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), network.neurons().type());
        InputBatch input = PoissonEncoder.background(2, 300, 20, 40.0, 1.0, new SplittableRandom(seed));
        Recording event = new EventSimulator().run(network, input, RecordOptions.WITH_STATES);
        Recording dense = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        long spikes = event.counts().spikes();
        assertTrue(spikes > (long) n * 300 * 2 / 200, "the network spikes: " + spikes);
        assertEquals(event.spikes(), dense.spikes(), "rasters");
        assertEquals(event.counts(), dense.counts(), "operation counts");
        assertArrayEquals(event.voltage(), dense.voltage(), "membrane u");
        assertArrayEquals(event.readout(), dense.readout(), 1e-12, "readout (summed in different orders)");
        for (double threshold : event.threshold()) {
            assertEquals(1.0, threshold, "adLIF's threshold is fixed");
        }
    }

    /** The network with every weight rounded to a multiple of 2^-8 (|w| < 2^6 here: sums stay exact). */
    private static Network dyadic(Network network) {
        return new Network(network.config(), network.positions(), network.neurons(), dyadic(network.wIn()),
                dyadic(network.wRec()), dyadic(network.wOut()), network.bRec(), network.bOut());
    }

    private static DenseMatrix dyadic(DenseMatrix matrix) {
        double[] values = matrix.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.rint(values[i] * 256) / 256;
            assertTrue(Math.abs(values[i]) < 64);
        }
        return DenseMatrix.of(matrix.rows(), matrix.cols(), values);
    }
}
