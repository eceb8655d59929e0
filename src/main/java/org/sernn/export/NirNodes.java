package org.sernn.export;

import java.util.List;
import java.util.Map;
import org.sernn.UserError;

/** Lookups in a flattened NIR graph for the importer; each failure names the file, the node and what was found. */
final class NirNodes {
    private NirNodes() {
    }

    static Object param(NirGraph graph, String node, String key, String where) {
        Object value = graph.nodes().get(node).params().get(key);
        if (value == null) {
            throw new UserError(where + ": node " + node + " (" + type(graph, node) + ") has no parameter '" + key + "'");
        }
        return value;
    }

    static String type(NirGraph graph, String node) {
        return graph.nodes().get(node).type();
    }

    /** A node for a message: its name and type, e.g. {@code lif (LIF)}. */
    static String named(NirGraph graph, String node) {
        return node + " (" + type(graph, node) + ")";
    }

    static String single(NirGraph graph, String type, String where) {
        List<String> found = graph.nodes().entrySet().stream().filter(e -> e.getValue().type().equals(type))
                .map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new UserError(where + ": sernn imports graphs with exactly one " + type + " node; found " + found.size()
                    + (found.isEmpty() ? "" : " " + found));
        }
        return found.get(0);
    }

    static String onlySuccessor(NirGraph graph, String node, String where) {
        List<String> next = graph.successors(node);
        if (next.size() != 1) {
            throw new UserError(where + ": node " + node + " (" + type(graph, node) + ") leads to " + next.size()
                    + " nodes " + next + "; sernn expects exactly one here");
        }
        return next.get(0);
    }

    static UserError refuse(NirGraph graph, String node, String where, String reason) {
        String type = type(graph, node);
        String why = switch (type) {
            case "CubaLI" -> " (a non-spiking synaptic readout; sernn's readout has no synaptic current)";
            case "IF" -> " (integrate-and-fire without a leak; sernn's units always leak)";
            default -> "";
        };
        return new UserError(where + ": node " + node + " has type " + type + why + "; " + reason);
    }

    static double[] perUnit(NirGraph graph, String node, String key, int n, String where) {
        return NirSpikingLayer.perUnit(graph, node, key, n, where);
    }

    static void requireFinite(double[] values, String where, String node, String key) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserError(where + ": node " + node + " " + key + " holds " + v + "; only finite numbers");
            }
        }
    }

    static int product(double[] shape) {
        int p = 1;
        for (double d : shape) {
            p *= (int) d;
        }
        return p;
    }
}
