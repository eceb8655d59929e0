package org.sernn.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph: named nodes and (source, target) edges between them; recurrence is a cycle
 * (docs/formats.md). An edge may name a node of a subgraph as {@code sub.node}.
 */
public record NirGraph(Map<String, NirNode> nodes, List<NirEdge> edges) {

    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
    }

    /**
     * The same graph with every subgraph inlined: its nodes renamed {@code sub.node}, an edge into
     * {@code sub} led to the subgraph's Input node(s) and an edge out of it from its Output node(s);
     * the subgraph's Input and Output nodes then pass values through and are removed.
     *
     * @param where the file, for messages
     */
    public NirGraph flattened(String where) {
        Map<String, NirNode> flatNodes = new LinkedHashMap<>();
        List<NirEdge> flatEdges = new ArrayList<>();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        Map<String, List<String>> exits = new LinkedHashMap<>();
        for (Map.Entry<String, NirNode> entry : nodes.entrySet()) {
            String name = entry.getKey();
            NirNode node = entry.getValue();
            if (node.subgraph() == null) {
                flatNodes.put(name, node);
                continue;
            }
            NirGraph inner = node.subgraph().flattened(where + " (subgraph " + name + ")");
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            inner.nodes.forEach((innerName, innerNode) -> {
                String full = name + "." + innerName;
                flatNodes.put(full, innerNode);
                if ("Input".equals(innerNode.type())) {
                    in.add(full);
                } else if ("Output".equals(innerNode.type())) {
                    out.add(full);
                }
            });
            for (NirEdge edge : inner.edges) {
                flatEdges.add(new NirEdge(name + "." + edge.source(), name + "." + edge.target()));
            }
            entries.put(name, in);
            exits.put(name, out);
        }
        for (NirEdge edge : edges) {
            for (String source : exits.getOrDefault(edge.source(), List.of(edge.source()))) {
                for (String target : entries.getOrDefault(edge.target(), List.of(edge.target()))) {
                    flatEdges.add(new NirEdge(source, target));
                }
            }
        }
        NirGraph flat = new NirGraph(flatNodes, flatEdges);
        flat.requireEdgesResolve(where);
        for (String sub : entries.keySet()) {
            for (String passThrough : concat(entries.get(sub), exits.get(sub))) {
                flat = flat.bypass(passThrough);
            }
        }
        return flat;
    }

    /** Throws naming the edge whose source or target is not a node of this graph. */
    public void requireEdgesResolve(String where) {
        for (NirEdge edge : edges) {
            for (String end : List.of(edge.source(), edge.target())) {
                if (!nodes.containsKey(end)) {
                    throw new org.sernn.UserError(where + ": edge (" + edge.source() + " -> " + edge.target()
                            + ") names node '" + end + "', which the graph does not have (nodes: "
                            + String.join(", ", nodes.keySet()) + ")");
                }
            }
        }
    }

    public List<String> successors(String name) {
        return edges.stream().filter(e -> e.source().equals(name)).map(NirEdge::target).toList();
    }

    public List<String> predecessors(String name) {
        return edges.stream().filter(e -> e.target().equals(name)).map(NirEdge::source).toList();
    }

    /** This graph without {@code name}, each of its predecessors joined to each of its successors. */
    private NirGraph bypass(String name) {
        List<NirEdge> kept = new ArrayList<>();
        for (NirEdge edge : edges) {
            if (!edge.source().equals(name) && !edge.target().equals(name)) {
                kept.add(edge);
            }
        }
        for (String source : predecessors(name)) {
            for (String target : successors(name)) {
                kept.add(new NirEdge(source, target));
            }
        }
        Map<String, NirNode> rest = new LinkedHashMap<>(nodes);
        rest.remove(name);
        return new NirGraph(rest, kept);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
