package org.sernn.export;

/** A directed edge of a NIR graph, from the node named {@code source} to the node named {@code target}. */
public record NirEdge(String source, String target) {
}
