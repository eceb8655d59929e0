package org.sernn.analysis.sweep;

import java.util.List;

/**
 * How {@code sweep collect} compares seRNN with its controls: the accuracy criterion (the paper kept
 * validation accuracy >= 0.9), the matching tolerances (largest ratio of the sparsity measure within
 * a pair) and the bootstrap's resamples and seed.
 */
public record CollectSettings(double minAccuracy, List<Double> tolerances, int resamples, long seed) {
    public CollectSettings {
        tolerances = List.copyOf(tolerances);
    }
}
