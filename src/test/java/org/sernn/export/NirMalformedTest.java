package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;

/** Bad files get one clear message naming the file and, where there is one, the node. */
class NirMalformedTest {
    @TempDir
    Path dir;

    private static void assertMessage(Runnable action, String... parts) {
        UserError error = assertThrows(UserError.class, action::run);
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), "'" + error.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void notHdf5() throws IOException {
        Path file = dir.resolve("text.nir");
        Files.writeString(file, "version: 1.0\nnot an HDF5 file at all\n");
        assertMessage(() -> NirImporter.read(file, 1e-3), file.toString(), "not a readable HDF5 file");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(NirFixtures.path("lif_norse.nir"));
        Path file = dir.resolve("truncated.nir");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertMessage(() -> NirImporter.read(file, 1e-3), file.toString());
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.nir");
        assertMessage(() -> NirImporter.read(file, 1e-3), file.toString(), "not found");
    }

    @Test
    void danglingEdge() {
        NirGraph graph = singleNeuron(new float[][] {{1f}});
        List<NirEdge> edges = new java.util.ArrayList<>(graph.edges());
        edges.add(new NirEdge("lif", "ghost"));
        Path file = dir.resolve("dangling.nir");
        NirFile.write(file, new NirGraph(graph.nodes(), edges));
        assertMessage(() -> NirImporter.read(file, 1e-3), file.toString(), "lif -> ghost", "'ghost'");
    }

    @Test
    void weightShapeMismatch() {
        Path file = dir.resolve("shape.nir");
        NirFile.write(file, singleNeuron(new float[][] {{1f, 2f}, {3f, 4f}}));
        assertMessage(() -> NirImporter.read(file, 1e-3), file.toString(), "node w", "Affine", "[2, 2]");
    }

    @Test
    void unsupportedNodeIsNamedWithItsType() {
        NirGraph graph = singleNeuron(new float[][] {{1f}});
        Map<String, NirNode> nodes = new LinkedHashMap<>(graph.nodes());
        nodes.put("w", NirNode.of("Conv1d", NirValues.entries("weight", new float[][] {{1f}}), Map.of()));
        Path file = dir.resolve("conv.nir");
        NirFile.write(file, new NirGraph(nodes, graph.edges()));
        assertMessage(() -> NirImporter.read(file, 1e-3), "node w", "Conv1d");
    }

    @Test
    void graphWithoutDtNeedsOne() {
        assertMessage(() -> NirImporter.read(NirFixtures.path("lif_norse.nir"), null), "dt");
    }

    /** input -> w (Affine) -> lif (LIF, one unit) -> output. */
    private static NirGraph singleNeuron(float[][] weight) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("input", NirNode.of("Input", NirValues.entries("shape", new long[] {1}), Map.of()));
        nodes.put("w", NirNode.of("Affine", NirValues.entries("weight", weight, "bias", new float[weight.length]),
                Map.of()));
        nodes.put("lif", NirNode.of("LIF", NirValues.entries("tau", new double[] {0.02}, "r", new double[] {1},
                "v_leak", new double[] {0}, "v_threshold", new double[] {1}, "v_reset", new double[] {0}), Map.of()));
        nodes.put("output", NirNode.of("Output", NirValues.entries("shape", new long[] {1}), Map.of()));
        return new NirGraph(nodes, List.of(new NirEdge("input", "w"), new NirEdge("w", "lif"),
                new NirEdge("lif", "output")));
    }
}
