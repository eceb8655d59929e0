package org.sernn.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.Version;
import org.sernn.io.AtomicFiles;

/**
 * A JSON report (docs/formats.md, "JSON reports"): snake_case keys with units in their names, always
 * with the sernn version, the model config and the seed. Written atomically.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The report's fields after {@code sernn_version}, followed by {@code seed} and {@code config}. */
    public static Map<String, Object> withProvenance(Map<String, Object> fields, ModelConfig config, long seed) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sernn_version", Version.current());
        report.putAll(fields);
        report.put("seed", seed);
        try {
            report.put("config", MAPPER.readTree(ConfigLoader.toJson(config)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config JSON did not parse back", e);
        }
        return report;
    }

    public static String toJson(Map<String, Object> report) {
        try {
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be written as JSON", e);
        }
    }

    public static void write(Path file, Map<String, Object> report) throws IOException {
        AtomicFiles.writeString(file, toJson(report));
    }
}
