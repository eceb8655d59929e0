package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;

/** A checkpoint whose neuron parameters leave their physical ranges is refused like a bad config: exit 2, one line. */
class CheckpointRangeTest {
    @TempDir
    Path dir;

    @Test
    void negativeRefractoryPeriodInACheckpointExitsWithStatusTwo() throws IOException {
        Network network = ModelSource.load(Path.of("models/alif-sernn.yaml"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        int[] nRef = network.neurons().nRef();
        nRef[3] = -1;
        arrays.put("n_ref", NpyArray.ofInts(nRef, nRef.length));
        Path model = dir.resolve("negative-ref.npz");
        Npz.write(model, arrays);

        Result result = CliRunner.run("simulate", model.toString(), "--out", dir.resolve("out").toString());

        assertEquals(Main.USER_ERROR, result.exitCode(), result.err());
        assertTrue(result.err().contains("negative-ref.npz") && result.err().contains("n_ref")
                && result.err().contains("unit 3") && result.err().contains("-1"), result.err());
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result.err());
    }

    @Test
    void zeroMembraneTimeConstantInACheckpointExitsWithStatusTwo() throws IOException {
        Network network = ModelSource.load(Path.of("models/alif-sernn.yaml"));
        Map<String, NpyArray> arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        double[] tauM = network.neurons().tauMMs();
        tauM[0] = 0.0;
        arrays.put("tau_m_ms", NpyArray.ofDoubles(tauM, tauM.length));
        Path model = dir.resolve("zero-tau.npz");
        Npz.write(model, arrays);

        Result result = CliRunner.run("simulate", model.toString(), "--out", dir.resolve("out").toString());

        assertEquals(Main.USER_ERROR, result.exitCode(), result.err());
        assertTrue(result.err().contains("tau_m_ms") && result.err().contains("0.0"), result.err());
    }
}
