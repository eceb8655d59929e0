package org.sernn.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sernn.UserError;
import org.sernn.io.TextFiles;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads model configs from YAML and writes them as JSON (the checkpoint's {@code config}). Every
 * mistake becomes one {@link UserError} naming the file, the key, the value and what is allowed.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON =
            configure(JsonMapper.builder().enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE).build());

    private ConfigLoader() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
    }

    /** Reads, binds and validates a YAML config. */
    public static ModelConfig load(Path file) {
        return fromYaml(TextFiles.readBounded(file, "config file", TextFiles.MAX_CONFIG_BYTES), file.toString());
    }

    /** Binds and validates a config from YAML text; {@code source} names it in error messages. */
    public static ModelConfig fromYaml(String yaml, String source) {
        ModelConfig config = parse(YAML, yaml, source);
        ConfigValidator.validate(config, source);
        return config;
    }

    /** Binds and validates a config from its JSON form (as stored in a checkpoint). */
    public static ModelConfig fromJson(String json, String source) {
        ModelConfig config = parse(JSON, json, source);
        ConfigValidator.validate(config, source);
        return config;
    }

    public static String toJson(ModelConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config could not be written as JSON", e);
        }
    }

    /**
     * Binds YAML text to any record type with the same rules and messages as model configs
     * (snake_case keys, unknown keys refused); used by other config files such as hardware profiles.
     */
    public static <T> T bindYaml(String yaml, Class<T> type, String source) {
        return parse(YAML, yaml, type, source);
    }

    private static ModelConfig parse(ObjectMapper mapper, String text, String source) {
        return parse(mapper, text, ModelConfig.class, source);
    }

    private static <T> T parse(ObjectMapper mapper, String text, Class<T> type, String source) {
        if (text.isBlank()) {
            throw new UserError(source + ": config is empty");
        }
        try {
            return mapper.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new UserError(source + ": unknown key '" + pathOf(e) + "'; allowed here: "
                    + allowed(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw new UserError(source + ": key '" + pathOf(e) + "': value '" + e.getValue() + "' is not "
                    + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new UserError(source + ": key '" + pathOf(e) + "': expected " + describe(e.getTargetType())
                    + lineOf(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw notYaml(source, yaml);
            }
            String problem = e.getOriginalMessage().startsWith("Malformed numeric value")
                    ? e.getOriginalMessage() + "; expected a finite number (such as 20, 0.5 or 1e-3; .nan and .inf are "
                    + "not allowed)" : e.getOriginalMessage();
            throw new UserError(source + ": key '" + pathOf(e) + "': " + problem + lineOf(e));
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw notYaml(source, yaml);
            }
            throw new UserError(source + ": not valid YAML/JSON: " + e.getOriginalMessage() + lineOf(e));
        }
    }

    /** The YAML parser's problem and where it is, in one line (its own message spans several). */
    private static UserError notYaml(String source, MarkedYAMLException yaml) {
        return new UserError(source + ": not valid YAML: " + yaml.getProblem() + " (line "
                + (yaml.getProblemMark().getLine() + 1) + ", column " + (yaml.getProblemMark().getColumn() + 1) + ")");
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String allowed(Collection<Object> known) {
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys (" + type.getSimpleName() + ")";
    }
}
