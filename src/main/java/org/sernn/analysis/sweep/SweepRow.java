package org.sernn.analysis.sweep;

import java.util.Map;

/** One row of a sweep's results.csv: the run, its accuracies and its metrics (NaN where absent). */
public record SweepRow(String run, String network, String regulariser, double lambda, long seed,
        Map<String, Double> values) {

    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
