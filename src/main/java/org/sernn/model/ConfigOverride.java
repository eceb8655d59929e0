package org.sernn.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sernn.UserError;

/**
 * One {@code --set key.path=value}: replaces a key that the config already has (with its default
 * filled in) by a YAML scalar or flow value; the result is bound and validated exactly like a YAML file.
 *
 * @param path  snake_case keys from the top, e.g. {@code training.epochs}
 * @param value YAML text, e.g. {@code 3}, {@code 0.01}, {@code bptt}, {@code [5, 5, 4]}
 */
public record ConfigOverride(String path, String value) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Parses {@code key.path=value}. */
    public static ConfigOverride parse(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0 || !assignment.substring(0, equals).matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
            throw new UserError("--set " + assignment + ": expected key.path=value with snake_case keys, e.g. "
                    + "--set training.epochs=3");
        }
        return new ConfigOverride(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    /** {@code config} with every override applied in order, validated; {@code source} names it in errors. */
    public static ModelConfig apply(ModelConfig config, List<ConfigOverride> overrides, String source) {
        if (overrides.isEmpty()) {
            return config;
        }
        ObjectNode root;
        try {
            root = (ObjectNode) YAML.readTree(ConfigLoader.toJson(config));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a config's own JSON could not be read back", e);
        }
        List<String> applied = new ArrayList<>();
        for (ConfigOverride override : overrides) {
            override.applyTo(root);
            applied.add(override.path() + "=" + override.value());
        }
        return ConfigLoader.fromJson(root.toString(), source + " with --set " + String.join(", ", applied));
    }

    private void applyTo(ObjectNode root) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int k = 0; k < keys.length; k++) {
            JsonNode child = node.get(keys[k]);
            String prefix = String.join(".", java.util.Arrays.copyOf(keys, k + 1));
            if (child == null) {
                throw new UserError("--set " + path + ": unknown key '" + prefix + "'; allowed here: "
                        + String.join(", ", names(node)));
            }
            if (k == keys.length - 1) {
                node.set(keys[k], parsedValue());
            } else if (child instanceof ObjectNode object) {
                node = object;
            } else {
                throw new UserError("--set " + path + ": '" + prefix + "' is a value, not a section");
            }
        }
    }

    private JsonNode parsedValue() {
        try {
            JsonNode parsed = YAML.readTree(value.isEmpty() ? "null" : value);
            return parsed == null ? YAML.nullNode() : parsed;
        } catch (java.io.IOException e) {
            throw new UserError("--set " + path + "=" + value + ": not a YAML value");
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
