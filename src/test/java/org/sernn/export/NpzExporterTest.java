package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;

/** The npz export holds the whole model: it loads back as the same network, with decays and quantisation. */
class NpzExporterTest {
    @TempDir
    Path dir;

    @Test
    void exportLoadsBackAsTheSameNetworkWithItsQuantisation() throws IOException {
        Network network = NirRoundTripTest.network("{type: alif, alif_fraction: 0.5, n_ref: 1}");
        Quantisation q = new Quantisation(QuantisedWeights.round(network.wIn(), 0.01),
                QuantisedWeights.round(network.wRec(), 0.01), QuantisedWeights.round(network.wOut(), 0.02));
        Path file = dir.resolve("model.npz");
        NpzExporter.write(file, network, q);

        Map<String, NpyArray> arrays = Npz.read(file);
        assertEquals(network, NetworkCheckpoint.fromArrays(arrays, file));
        assertArrayEquals(network.neurons().alpha(), arrays.get("alpha").asDoubles(), 0.0);
        assertEquals(Math.exp(-1.0 / 20), arrays.get("kappa").asDoubles()[0], 1e-15);
        assertArrayEquals(q.wRec().values(), arrays.get("w_rec_int").asInts());
        assertEquals(0.02, arrays.get("w_out_scale").asDoubles()[0]);
        double[] real = network.wIn().toArray();
        int[] ints = arrays.get("w_in_int").asInts();
        for (int i = 0; i < real.length; i++) {
            assertEquals(real[i], ints[i] * 0.01, 0.005 + 1e-12);
        }
    }
}
