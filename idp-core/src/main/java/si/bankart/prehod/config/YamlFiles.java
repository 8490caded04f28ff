package si.bankart.prehod.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads one YAML file into an immutable record. Unknown keys, bad values and unset {@code ${VARIABLES}} stop start-up
 * with the file, the line and what is wrong; the value of a secret never appears in the message.
 */
public final class YamlFiles {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private final UnaryOperator<String> environment;

    public YamlFiles(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        this.environment = copy::get;
    }

    public <T> T read(Path file, Class<T> type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "file not found");
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String resolved = substitute(file, text);
        try {
            T value = mapper.readValue(resolved, type);
            if (value == null) {
                throw new ConfigException(file, "is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, line(e), "unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            throw new ConfigException(file, line(e), describe(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, line(e), "not valid YAML: " + e.getOriginalMessage());
        }
    }

    /** Replaces ${NAME} with the environment's value, line by line so errors keep their line; comments are left alone. */
    private String substitute(Path file, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.trim().startsWith("#") ? line.indexOf('#') : line.indexOf(" #");
            String content = comment < 0 ? line : line.substring(0, comment);
            Matcher m = VARIABLE.matcher(content);
            StringBuilder replaced = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                if (value == null) {
                    throw new ConfigException(file, i + 1, "environment variable " + m.group(1) + " is not set");
                }
                m.appendReplacement(replaced, Matcher.quoteReplacement(value));
            }
            m.appendTail(replaced);
            out.append(replaced).append(comment < 0 ? "" : line.substring(comment));
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int line(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? 0 : location.getLineNr();
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(top)");
        Throwable cause = e.getCause();
        // Our records throw IllegalArgumentException with a message written for operators; show it as it is.
        if (cause instanceof IllegalArgumentException) {
            return path + ": " + cause.getMessage();
        }
        return path + ": " + e.getOriginalMessage();
    }
}
