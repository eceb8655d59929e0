package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.UserError;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;

class NetworkCheckpointTest {
    @TempDir
    Path dir;

    static Network sample() {
        ModelConfig config = ConfigLoader.fromYaml("name: ckpt\nseed: 11\nsizes: {inputs: 5, recurrent: 20, outputs: 3}\n"
                + "space: {layout: box}\nneuron: {type: alif, alif_fraction: 0.5, tau_m_distribution: {shape: 3}}\n"
                + "weights: {w_rec: {init: gaussian, connection_prob: 0.3}, dale: {excitatory_fraction: 0.75}}\n",
                "inline");
        return NetworkFactory.build(config, Path.of("."));
    }

    @Test
    void roundTripGivesTheSameNetwork() {
        Network network = sample();
        Path file = dir.resolve("model.npz");
        NetworkCheckpoint.write(file, network);
        assertEquals(network, NetworkCheckpoint.read(file));
    }

    @Test
    void checkpointHoldsTheDocumentedArrays() throws IOException {
        Network network = sample();
        Path file = dir.resolve("model.npz");
        NetworkCheckpoint.write(file, network);
        Map<String, NpyArray> arrays = Npz.read(file);
        assertArrayEquals(new int[] {20, 5}, arrays.get("w_in").shape());
        assertArrayEquals(new int[] {20, 20}, arrays.get("w_rec").shape());
        assertArrayEquals(new int[] {3, 20}, arrays.get("w_out").shape());
        assertArrayEquals(new int[] {20, 3}, arrays.get("positions").shape());
        assertArrayEquals(network.wRec().toArray(), arrays.get("w_rec").asDoubles());
        assertTrue(arrays.get("config").asString().contains("\"tau_m_ms\""));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.999})
    void truncatedCheckpointIsRefused(double keptFraction) throws IOException {
        Path file = dir.resolve("model.npz");
        NetworkCheckpoint.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, (int) (bytes.length * keptFraction)));
        UserError error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(file));
        assertTrue(error.getMessage().contains("model.npz"), error.getMessage());
    }

    @Test
    void corruptedCheckpointIsRefusedOrLoadsUnchanged() throws IOException {
        // A flipped byte in data or a header must be refused; one in a redundant zip field (a local
        // header's copy of the name or timestamp) may pass, but only if nothing loaded changes.
        Network network = sample();
        Path file = dir.resolve("model.npz");
        NetworkCheckpoint.write(file, network);
        byte[] bytes = Files.readAllBytes(file);
        int refused = 0;
        int tried = 0;
        for (int offset = 0; offset < bytes.length; offset += 37) {
            byte[] corrupted = bytes.clone();
            corrupted[offset] ^= 0x5A;
            Files.write(file, corrupted);
            tried++;
            try {
                assertEquals(network, NetworkCheckpoint.read(file), "flipped byte at " + offset + " loaded changed");
            } catch (UserError expected) {
                assertTrue(expected.getMessage().contains("model.npz"), expected.getMessage());
                refused++;
            }
        }
        // Zip headers of the 15 small members make up about a fifth of the file.
        assertTrue(refused > tried * 0.6, refused + " of " + tried + " corruptions refused");
    }

    @Test
    void inconsistentArraysAreRefused() throws IOException {
        Network network = sample();
        Map<String, NpyArray> arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        arrays.put("w_rec", NpyArray.ofDoubles(new double[19 * 20], 19, 20));
        Path file = dir.resolve("bad-shape.npz");
        Npz.write(file, arrays);
        UserError error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(file));
        assertTrue(error.getMessage().contains("w_rec"), error.getMessage());

        arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        double[] weights = network.wIn().toArray();
        weights[3] = Double.NaN;
        arrays.put("w_in", NpyArray.ofDoubles(weights, 20, 5));
        Path nan = dir.resolve("nan.npz");
        Npz.write(nan, arrays);
        error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(nan));
        assertTrue(error.getMessage().contains("w_in") && error.getMessage().contains("NaN"), error.getMessage());

        arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        arrays.remove("tau_m_ms");
        Path missing = dir.resolve("missing.npz");
        Npz.write(missing, arrays);
        error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(missing));
        assertTrue(error.getMessage().contains("tau_m_ms"), error.getMessage());
    }

    @Test
    void synapticDecayRoundTripsAndIsOnlyWrittenWhenUsed() throws IOException {
        Network plain = sample();
        assertFalse(NetworkCheckpoint.arrays(plain, Map.of()).containsKey("alpha_syn"), "no synapses, no key");
        double[] alphaSyn = new double[20];
        for (int j = 0; j < 20; j += 3) {
            alphaSyn[j] = 0.8;
        }
        Network network = new Network(plain.config(), plain.positions(), plain.neurons().withSynapticDecay(alphaSyn),
                plain.wIn(), plain.wRec(), plain.wOut(), plain.bRec(), plain.bOut());
        Path file = dir.resolve("cuba.npz");
        NetworkCheckpoint.write(file, network);
        Network loaded = NetworkCheckpoint.read(file);
        assertArrayEquals(alphaSyn, loaded.neurons().alphaSyn());
        assertEquals(network, loaded);

        Map<String, NpyArray> arrays = new LinkedHashMap<>(NetworkCheckpoint.arrays(network, Map.of()));
        alphaSyn[1] = 1.5;
        arrays.put("alpha_syn", NpyArray.ofDoubles(alphaSyn, 20));
        Path bad = dir.resolve("bad-alpha-syn.npz");
        Npz.write(bad, arrays);
        UserError error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(bad));
        assertTrue(error.getMessage().contains("alpha_syn") && error.getMessage().contains("1.5"), error.getMessage());
    }

    @Test
    void readoutTimeConstantOfTheRunningNetworkSurvivesTheCheckpoint() throws IOException {
        Network plain = sample();
        NeuronParams p = plain.neurons();
        double deployedTauOutMs = p.tauOutMs() * 1.25;
        NeuronParams deployed = p.toBuilder().tauOutMs(deployedTauOutMs).build();
        Network network = new Network(plain.config(), plain.positions(), deployed, plain.wIn(), plain.wRec(),
                plain.wOut(), plain.bRec(), plain.bOut());
        Path file = dir.resolve("deployed.npz");
        NetworkCheckpoint.write(file, network);
        assertEquals(deployedTauOutMs, NetworkCheckpoint.read(file).neurons().tauOutMs());

        Map<String, NpyArray> older = new LinkedHashMap<>(NetworkCheckpoint.arrays(plain, Map.of()));
        older.remove("tau_out_ms");
        Path olderFile = dir.resolve("older.npz");
        Npz.write(olderFile, older);
        assertEquals(plain.config().neuron().tauOutMs(), NetworkCheckpoint.read(olderFile).neurons().tauOutMs());

        older.put("tau_out_ms", NpyArray.ofDoubles(new double[] {-2.0}));
        Npz.write(olderFile, older);
        UserError error = assertThrows(UserError.class, () -> NetworkCheckpoint.read(olderFile));
        assertTrue(error.getMessage().contains("tau_out_ms") && error.getMessage().contains("-2.0"), error.getMessage());
    }
}
