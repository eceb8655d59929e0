package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The written file read back with a generic HDF5 reader (jhdf's tree, not sernn's NIR reader) and
 * laid beside the Norse fixture: the same groups, dataset names, element types and ranks for every
 * node type both files have, and strings where the fixture has strings.
 */
class NirLayoutTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileHasTheFixtureLayout() {
        Path file = dir.resolve("model.nir");
        NirFile.write(file, NirExporter.toGraph(NirRoundTripTest.network("{type: alif, n_ref: 2}")).graph());
        Map<String, String> ours = layout(file);
        Map<String, String> fixture = layout(NirFixtures.path("lif_norse.nir"));

        assertEquals("String[]", ours.get("/version"));
        assertEquals("String[]", ours.get("/node/type"));
        assertEquals("String[7, 2]", ours.get("/node/edges"));
        assertEquals(fixture.get("/version"), ours.get("/version"));
        assertEquals(fixture.get("/node/type"), ours.get("/node/type"));
        // Node names differ (Norse numbers them); compare each node type's datasets.
        compareNode(fixture, "/node/nodes/input", ours, "/node/nodes/input");
        compareNode(fixture, "/node/nodes/output", ours, "/node/nodes/output");
        compareNode(fixture, "/node/nodes/0", ours, "/node/nodes/w_in");
        compareNode(fixture, "/node/nodes/1", ours, "/node/nodes/lif");
        assertEquals("float[40, 40]", ours.get("/node/nodes/w_rec/weight"));
        assertEquals("float[40, 6]", ours.get("/node/nodes/w_in/weight"));
        assertEquals(layout(NirFixtures.path("braille_noDelay_bias_zero.nir")).get("/node/nodes/lif1.lif/r")
                .replace("38", "40"), ours.get("/node/nodes/lif/r"));
        assertEquals("String[]", ours.get("/node/nodes/w_rec/type"));
        assertEquals("double[40]", ours.get("/node/nodes/lif/v_reset"));
        assertEquals("double[40]", ours.get("/node/nodes/lif/metadata/adaptation_beta"));
        assertEquals("long[40]", ours.get("/node/nodes/lif/metadata/refractory_steps"));
        assertEquals("String[]", ours.get("/node/nodes/lif/metadata/adaptation_warning"));
        assertEquals("Double[]", ours.get("/node/nodes/lif/metadata/dt"));
        assertEquals("double[3]", ours.get("/node/nodes/readout/tau"));
    }

    /** Same network, same bytes: no timestamps or map-order noise in the file. */
    @Test
    void sameNetworkGivesTheSameBytes() throws java.io.IOException {
        var network = NirRoundTripTest.network("{type: alif}");
        Path first = dir.resolve("first.nir");
        Path second = dir.resolve("second.nir");
        NirFile.write(first, NirExporter.toGraph(network).graph());
        NirFile.write(second, NirExporter.toGraph(network).graph());
        assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(first),
                java.nio.file.Files.readAllBytes(second)));
    }

    /** Every dataset of the fixture's node exists in ours with the same element type and rank. */
    private static void compareNode(Map<String, String> fixture, String fixtureNode, Map<String, String> ours,
            String ourNode) {
        int checked = 0;
        for (Map.Entry<String, String> entry : fixture.entrySet()) {
            if (!entry.getKey().startsWith(fixtureNode + "/")) {
                continue;
            }
            String name = entry.getKey().substring(fixtureNode.length());
            String mine = ours.get(ourNode + name);
            assertTrue(mine != null, ourNode + name + " is missing (fixture has " + entry.getKey() + ")");
            assertEquals(kind(entry.getValue()), kind(mine), name + " of " + ourNode);
            checked++;
        }
        assertTrue(checked >= 2, "compared " + checked + " datasets of " + fixtureNode);
    }

    /**
     * Element class and rank: "float[1, 1]" and "float[40, 6]" are both "floating rank 2". Float
     * widths may differ: Norse wrote neuron parameters as float32, snnTorch (the Braille fixture) as
     * float64, and NIR keeps either; weights are float32 in both fixtures and in sernn's files.
     */
    private static String kind(String description) {
        String element = description.substring(0, description.indexOf('['));
        element = element.equals("float") || element.equals("double") ? "floating" : element;
        String dims = description.substring(description.indexOf('[') + 1, description.length() - 1);
        int rank = dims.isEmpty() ? 0 : dims.split(",").length;
        return element + " rank " + rank;
    }

    /** Each dataset's path mapped to "javaType[dims]" and each group's path to "group". */
    static Map<String, String> layout(Path file) {
        Map<String, String> out = new TreeMap<>();
        try (HdfFile hdf = new HdfFile(file)) {
            walk(hdf, out);
        }
        return out;
    }

    private static void walk(Group group, Map<String, String> out) {
        for (Node node : group) {
            String path = "/" + node.getPath().replaceAll("^/+", "").replaceAll("/+$", "");
            if (node instanceof Group child) {
                out.put(path, "group");
                walk(child, out);
            } else if (node instanceof Dataset d) {
                String dims = java.util.Arrays.toString(d.getDimensions());
                out.put(path, d.getJavaType().getSimpleName() + dims);
            }
        }
    }
}
