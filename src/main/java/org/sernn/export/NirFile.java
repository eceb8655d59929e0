package org.sernn.export;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.io.Hdf5Files;

/**
 * The NIR file layout (docs/formats.md; neuromorphs/NIR nir/serialization.py): root string
 * dataset {@code version}; group {@code node} holding the top graph: {@code type} (string dataset
 * "NIRGraph"), {@code edges} ((E, 2) strings, source then target) and {@code nodes/<name>/}, one
 * group per node with a {@code type} string dataset, one dataset per parameter and an optional
 * {@code metadata/} group of datasets. Subgraphs nest with the same layout.
 */
public final class NirFile {
    /** The NIR version whose layout sernn writes. */
    public static final String VERSION = "1.0.0";

    private NirFile() {
    }

    public static void write(Path file, NirGraph graph) {
        Hdf5Files.write(file, hdf -> {
            hdf.putDataset("version", VERSION);
            writeGraph(hdf.putGroup("node"), graph);
        });
    }

    private static void writeGraph(WritableGroup group, NirGraph graph) {
        group.putDataset("type", NirNode.GRAPH);
        String[][] edges = new String[graph.edges().size()][];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = new String[] {graph.edges().get(i).source(), graph.edges().get(i).target()};
        }
        group.putDataset("edges", edges);
        WritableGroup nodes = group.putGroup("nodes");
        graph.nodes().forEach((name, node) -> {
            WritableGroup nodeGroup = nodes.putGroup(name);
            if (node.subgraph() != null) {
                writeGraph(nodeGroup, node.subgraph());
                return;
            }
            nodeGroup.putDataset("type", node.type());
            node.params().forEach(nodeGroup::putDataset);
            if (!node.metadata().isEmpty()) {
                WritableGroup metadata = nodeGroup.putGroup("metadata");
                node.metadata().forEach(metadata::putDataset);
            }
        });
    }

    /** Reads the whole graph, subgraphs nested; the layout is checked, node types are not. */
    public static NirGraph read(Path file) {
        return Hdf5Files.read(file, hdf -> {
            Node top = hdf.getChild("node");
            if (!(top instanceof Group group)) {
                throw new UserError(file + ": no group 'node' at the root; a NIR file holds its graph there");
            }
            String rootType = text(group, "type", file + ": node");
            if (!NirNode.GRAPH.equals(rootType)) {
                throw new UserError(file + ": node/type is '" + rootType + "'; the root node of a NIR file is a "
                        + NirNode.GRAPH);
            }
            return readGraph(group, file + ": node");
        });
    }

    private static NirGraph readGraph(Group group, String where) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        Node nodesGroup = group.getChild("nodes");
        if (!(nodesGroup instanceof Group children)) {
            throw new UserError(where + ": a NIRGraph needs a group 'nodes'");
        }
        for (Node child : children) {
            if (!(child instanceof Group nodeGroup)) {
                throw new UserError(where + "/nodes/" + child.getName() + ": a node is a group, found a dataset");
            }
            nodes.put(child.getName(), readNode(nodeGroup, where + "/nodes/" + child.getName()));
        }
        NirGraph graph = new NirGraph(nodes, readEdges(group, where));
        graph.requireEdgesResolve(where);
        return graph;
    }

    private static NirNode readNode(Group group, String where) {
        String type = text(group, "type", where);
        if (NirNode.GRAPH.equals(type)) {
            return NirNode.graph(readGraph(group, where));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Node child : group) {
            if (child.getName().equals("type")) {
                continue;
            }
            if (child.getName().equals("metadata") && child instanceof Group meta) {
                for (Node entry : meta) {
                    if (entry instanceof Dataset d) {
                        metadata.put(entry.getName(), d.getData());
                    }
                }
            } else if (child instanceof Dataset d) {
                params.put(child.getName(), d.getData());
            } else {
                throw new UserError(where + "/" + child.getName() + ": unexpected group in a " + type + " node");
            }
        }
        return NirNode.of(type, params, metadata);
    }

    private static List<NirEdge> readEdges(Group group, String where) {
        Node node = group.getChild("edges");
        if (node == null) {
            return List.of();
        }
        Object data = node instanceof Dataset d ? d.getData() : null;
        if (!(data instanceof String[][] rows)) {
            throw new UserError(where + "/edges: expected an (E, 2) string dataset");
        }
        List<NirEdge> edges = new ArrayList<>();
        for (String[] row : rows) {
            if (row.length != 2) {
                throw new UserError(where + "/edges: each edge is a (source, target) pair, found " + row.length
                        + " names");
            }
            edges.add(new NirEdge(row[0], row[1]));
        }
        return edges;
    }

    private static String text(Group group, String key, String where) {
        Node node = group.getChild(key);
        if (node instanceof Dataset d && d.getData() instanceof String s) {
            return s;
        }
        throw new UserError(where + ": no string dataset '" + key + "'");
    }

    /** The file's root {@code version} string. */
    public static String version(Path file) {
        return Hdf5Files.read(file, hdf -> text(hdf, "version", file.toString()));
    }
}
