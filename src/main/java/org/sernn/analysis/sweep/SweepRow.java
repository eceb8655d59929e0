package org.sernn.analysis.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row of a sweep's results.csv: the run, its accuracies and its metrics (NaN where absent). */
public record SweepRow(String run, String network, String regulariser, double lambda, long seed,
        Map<String, Double> values) {

    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    public static SweepRow of(SweepRun run, Map<String, Double> values) {
        return new SweepRow(run.directoryName(), run.network().label(),
                run.regulariser().name().toLowerCase(java.util.Locale.ROOT), run.lambda(), run.seed(),
                new LinkedHashMap<>(values));
    }
}
