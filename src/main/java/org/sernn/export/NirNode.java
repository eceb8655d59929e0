package org.sernn.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node of a NIR graph (Pedersen et al., Nat. Commun. 2024; docs/formats.md): its type
 * ("LIF", "Affine", ...), its parameters and its metadata as the HDF5 values jhdf reads and writes
 * ({@code double[]}, {@code float[][]}, {@code long[]}, {@code String}, ...), and, for a
 * "NIRGraph" node, the nested subgraph.
 */
public record NirNode(String type, Map<String, Object> params, Map<String, Object> metadata, NirGraph subgraph) {

    public static final String GRAPH = "NIRGraph";

    public NirNode {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (GRAPH.equals(type) != (subgraph != null)) {
            throw new IllegalArgumentException("a node holds a subgraph exactly when its type is " + GRAPH);
        }
    }

    public static NirNode of(String type, Map<String, Object> params, Map<String, Object> metadata) {
        return new NirNode(type, params, metadata, null);
    }

    public static NirNode graph(NirGraph subgraph) {
        return new NirNode(GRAPH, Map.of(), Map.of(), subgraph);
    }
}
