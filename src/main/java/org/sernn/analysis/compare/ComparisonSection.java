package org.sernn.analysis.compare;

import org.sernn.analysis.ModelAnalysis;

/**
 * One section of compare.md for two models. {@link ModelComparison#SECTIONS} lists the sections in
 * order; another part of sernn (e.g. the energy comparison of org.sernn.hardware) adds its section by
 * adding an entry there.
 */
public interface ComparisonSection {
    String title();

    /** Markdown body of the section (a table, usually) for models A and B. */
    String markdown(ModelAnalysis a, ModelAnalysis b);
}
