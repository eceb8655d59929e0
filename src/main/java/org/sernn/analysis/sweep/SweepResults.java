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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sernn.UserError;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.JsonReport;

/**
 * Metrics of every finished run of a sweep, computed once per run and kept in its
 * {@value #METRICS_FILE} (so a re-run only analyses new runs), collected into rows.
 */
public final class SweepResults {
    public static final String METRICS_FILE = "analysis.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepResults() {
    }

    public static List<SweepRow> collect(Path out, List<SweepRun> runs, ModelAnalysis.Options options, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SweepRow>> futures = new ArrayList<>();
            for (SweepRun run : runs) {
                futures.add(pool.submit(() -> row(out.resolve(run.directoryName()), run, options)));
            }
            List<SweepRow> rows = new ArrayList<>();
            for (Future<SweepRow> future : futures) {
                SweepRow row = future.get();
                if (row != null) {
                    rows.add(row);
                }
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep analysis interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The run's row, or null when it has not finished or failed. */
    static SweepRow row(Path dir, SweepRun run, ModelAnalysis.Options options) throws IOException {
        Path done = dir.resolve(SweepTraining.DONE_FILE);
        if (!Files.exists(done)) {
            return null;
        }
        JsonNode result = JSON.readTree(done.toFile());
        if (result.has("failed")) {
            return null;
        }
        Path cached = dir.resolve(METRICS_FILE);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : List.of("validation_accuracy", "test_accuracy", "train_wall_time_seconds")) {
            values.put(key, result.path(key).asDouble(Double.NaN));
        }
        JsonNode metrics;
        if (Files.exists(cached)) {
            metrics = JSON.readTree(cached.toFile());
        } else {
            var network = NetworkCheckpoint.read(dir.resolve("model.npz"));
            Map<String, Object> fields = ModelAnalysis.of(network, options).fields();
            JsonReport.write(cached, JsonReport.withProvenance(fields, network.config(), options.seed()));
            metrics = JSON.readTree(cached.toFile());
        }
        if (metrics.has("accuracy")) {
            values.put("accuracy", metrics.get("accuracy").asDouble());
        }
        for (String group : List.of("structure", "function")) {
            metrics.path(group).fields().forEachRemaining(entry -> {
                if (entry.getValue().isNumber()) {
                    values.put(entry.getKey(), entry.getValue().asDouble());
                }
            });
        }
        if (values.isEmpty()) {
            throw new UserError(cached + ": holds no metrics; delete it to recompute");
        }
        return SweepRow.of(run, values);
    }
}
