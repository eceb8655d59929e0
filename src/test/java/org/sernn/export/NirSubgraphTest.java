package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.Network;

/**
 * A recurrent population written as a subgraph, the way snnTorch writes an RLeaky layer: a
 * NIRGraph node "rnn" holding input -> lif, lif -> w_rec -> lif, lif -> output, with the parent's
 * edges going to and from "rnn". It imports to the same network as the flat graph.
 */
class NirSubgraphTest {
    @TempDir
    Path dir;

    @Test
    void nestedRecurrentLayerImportsLikeTheFlatGraph() {
        Network original = NirRoundTripTest.float32Weights(NirRoundTripTest.network("{type: lif, n_ref: 0}"));
        NirGraph flat = NirExporter.toGraph(original).graph();
        Map<String, NirNode> inner = new LinkedHashMap<>();
        inner.put("input", NirNode.of("Input", NirValues.entries("shape", new long[] {original.nRec()}), Map.of()));
        inner.put("lif", flat.nodes().get("lif"));
        inner.put("w_rec", flat.nodes().get("w_rec"));
        inner.put("output", NirNode.of("Output", NirValues.entries("shape", new long[] {original.nRec()}), Map.of()));
        NirGraph sub = new NirGraph(inner, List.of(new NirEdge("input", "lif"), new NirEdge("lif", "w_rec"),
                new NirEdge("w_rec", "lif"), new NirEdge("lif", "output")));
        Map<String, NirNode> outer = new LinkedHashMap<>(flat.nodes());
        outer.remove("lif");
        outer.remove("w_rec");
        outer.put("rnn", NirNode.graph(sub));
        NirGraph nested = new NirGraph(outer, List.of(new NirEdge("input", "w_in"), new NirEdge("w_in", "rnn"),
                new NirEdge("rnn", "w_out"), new NirEdge("w_out", "readout"), new NirEdge("readout", "output")));
        Path file = dir.resolve("nested.nir");
        NirFile.write(file, nested);

        NirGraph read = NirFile.read(file);
        assertEquals(NirNode.GRAPH, read.nodes().get("rnn").type());
        Network back = NirImporter.read(file, null).network();
        assertArrayEquals(original.wRec().toArray(), back.wRec().toArray(), 0.0);
        assertArrayEquals(original.wIn().toArray(), back.wIn().toArray(), 0.0);
        assertArrayEquals(original.wOut().toArray(), back.wOut().toArray(), 0.0);
        assertArrayEquals(original.neurons().alpha(), back.neurons().alpha(), 1e-15);
    }
}
