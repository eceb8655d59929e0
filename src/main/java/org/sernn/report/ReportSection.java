package org.sernn.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of the demo's HTML page, built by the stage that owns it (training, analysis, energy,
 * deployment, ...): paragraphs, then key-value tables, then PNG images, each in insertion order.
 */
public record ReportSection(String heading, List<String> paragraphs, Map<String, Map<String, String>> tables,
        Map<String, byte[]> images) {

    public ReportSection {
        paragraphs = List.copyOf(paragraphs);
        tables = new LinkedHashMap<>(tables);
        images = new LinkedHashMap<>(images);
    }

    /** A section holding only a note (e.g. a stage that has not run). */
    public static ReportSection note(String heading, String text) {
        return new ReportSection(heading, List.of(text), Map.of(), Map.of());
    }
}
