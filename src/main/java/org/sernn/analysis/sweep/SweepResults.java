package org.sernn.analysis.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;

/**
 * The finished runs of a plan as rows, and which runs are missing (no result yet: not run, running,
 * or killed) or failed (training diverged), by index.
 */
public record SweepResults(List<SweepRow> rows, List<Integer> missing, List<Integer> failed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SweepResults of(Path sweepDir, SweepPlan plan) {
        List<SweepRow> rows = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        for (PlanEntry entry : plan.entries()) {
            Path file = SweepPlan.runDirectory(sweepDir, entry.index()).resolve(SweepRunner.RESULT_FILE);
            if (!Files.exists(file)) {
                missing.add(entry.index());
                continue;
            }
            JsonNode result;
            try {
                result = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UserError(file + ": not a readable run result (" + e.getMessage() + "); delete it to re-run "
                        + "the run");
            }
            if ("finished".equals(result.path("status").asText())) {
                rows.add(row(entry, result));
            } else {
                failed.add(entry.index());
            }
        }
        return new SweepResults(rows, missing, failed);
    }

    /** One row: accuracies, then every number of the analysis's structure and function objects. */
    static SweepRow row(PlanEntry entry, JsonNode result) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : List.of("validation_accuracy", "test_accuracy", "accuracy")) {
            values.put(key, result.path(key).asDouble(Double.NaN));
        }
        for (String group : List.of("structure", "function")) {
            result.path(group).fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    values.put(field.getKey(), field.getValue().asDouble());
                }
            });
        }
        double ratio = values.getOrDefault("selectivity_within_group_distance", Double.NaN)
                / values.getOrDefault("selectivity_null_distance", Double.NaN);
        values.put(ComparedMetric.SELECTIVITY_DISTANCE_RATIO, ratio);
        SweepRun run = entry.run();
        return new SweepRow(Integer.toString(entry.index()), run.network().label(),
                run.regulariser().name().toLowerCase(java.util.Locale.ROOT), run.lambda(), run.seed(), values);
    }
}
