package org.sernn.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of the demo's HTML page, built by the stage that owns it (training, analysis, energy,
 * deployment, ...): paragraphs (the first says what the section shows and what to look for), then
 * key-value tables, then figures keyed by their caption, then tables of raw keys shown collapsed.
 */
public record ReportSection(String heading, List<String> paragraphs, Map<String, Map<String, String>> tables,
        Map<String, byte[]> figures, Map<String, Map<String, String>> rawTables) {

    public ReportSection {
        paragraphs = List.copyOf(paragraphs);
        tables = new LinkedHashMap<>(tables);
        figures = new LinkedHashMap<>(figures);
        rawTables = new LinkedHashMap<>(rawTables);
    }

    public ReportSection(String heading, List<String> paragraphs, Map<String, Map<String, String>> tables,
            Map<String, byte[]> figures) {
        this(heading, paragraphs, tables, figures, Map.of());
    }

    /** A section holding only a note (e.g. a stage that has not run). */
    public static ReportSection note(String heading, String text) {
        return new ReportSection(heading, List.of(text), Map.of(), Map.of());
    }
}
