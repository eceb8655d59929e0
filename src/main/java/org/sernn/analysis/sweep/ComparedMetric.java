package org.sernn.analysis.sweep;

import java.util.List;

/**
 * A metric compared between seRNN and its controls, with the direction the paper reports for seRNN
 * against L1 (Achterberg, Akarca et al. 2023): +1 higher, -1 lower, 0 no claim.
 */
public record ComparedMetric(String key, String label, int paperDirection) {
    /** Derived in {@link SweepResults}: mean distance between same-selectivity units over its null mean. */
    public static final String SELECTIVITY_DISTANCE_RATIO = "selectivity_distance_ratio";

    /** Modularity Q d = 1.07, small-worldness d = 0.59, corr(|W|, D) -0.42, mixed selectivity -0.06 vs -0.30. */
    public static final List<ComparedMetric> ALL = List.of(
            new ComparedMetric("modularity_q", "modularity Q (spectral)", +1),
            new ComparedMetric("modularity_q_louvain", "modularity Q (Louvain)", +1),
            new ComparedMetric("small_world_sigma", "small-world sigma", +1),
            new ComparedMetric("weight_distance_corr", "corr(|W|, D)", -1),
            new ComparedMetric("mixed_selectivity_corr", "mixed selectivity (corr. of selectivities)", +1),
            new ComparedMetric(SELECTIVITY_DISTANCE_RATIO, "spatial clustering of goal/choice units (distance "
                    + "ratio, < 1 clustered)", -1),
            new ComparedMetric("mean_rate_hz", "mean firing rate (Hz, spiking)", 0));

    public String direction() {
        return paperDirection > 0 ? "higher" : paperDirection < 0 ? "lower" : "no claim";
    }
}
