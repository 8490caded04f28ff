package si.bankart.prehod.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
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

    private final ObjectMapper mapper = new ObjectMapper(YAMLFactory.builder()
                    // FAIL_ON_READING_DUP_TREE_KEY below only covers JsonNode trees, not records: a repeated key
                    // (a second "requireSignedRequests: false") would silently win.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private final UnaryOperator<String> environment;

    public YamlFiles(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        this.environment = copy::get;
        // An absent switch is off (relying-parties.yaml leaves most out); absent numbers still stop start-up.
        mapper.configOverride(boolean.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
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
        return parse(file, text, type);
    }

    /** The text of {@code file} into a record; separate from reading it so that tests can fuzz it without files. */
    <T> T parse(Path file, String text, Class<T> type) {
        Map<String, String> substituted = new LinkedHashMap<>();
        String resolved = substitute(file, text, substituted);
        try {
            T value = mapper.readValue(resolved, type);
            if (value == null) {
                throw new ConfigException(file, "is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, lineOfKey(text, e.getPropertyName(), line(e)), hide("unknown key '"
                    + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")", substituted));
        } catch (JsonMappingException e) {
            throw new ConfigException(file, line(e), hide(describe(e), substituted));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, line(e), hide("not valid YAML: " + e.getOriginalMessage(), substituted));
        }
    }

    /** Jackson quotes the offending value; a substituted one may be a secret, so it is shown as its ${NAME}. */
    private static String hide(String message, Map<String, String> substituted) {
        String hidden = message;
        for (Map.Entry<String, String> variable : substituted.entrySet()) {
            if (!variable.getValue().isEmpty()) {
                hidden = hidden.replace(variable.getValue(), "${" + variable.getKey() + "}");
            }
        }
        return hidden;
    }

    private String substitute(Path file, String text, Map<String, String> substituted) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (inComment(text, m.start())) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String value = environment.apply(m.group(1));
            if (value == null) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                throw new ConfigException(file, line, "environment variable " + m.group(1) + " is not set");
            }
            substituted.put(m.group(1), value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** After a YAML comment mark ('#' starting the line or after a blank) on the same line: not substituted. */
    private static boolean inComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        for (int i = lineStart; i < at; i++) {
            if (text.charAt(i) == '#' && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jackson reports an unknown key of a record at the end of the enclosing mapping, not where the key stands; the
     * first line that has the key is where the operator has to look.
     */
    private static int lineOfKey(String text, String key, int fallback) {
        Matcher m = Pattern.compile("^[ \\t-]*" + Pattern.quote(key) + "[ \\t]*:", Pattern.MULTILINE).matcher(text);
        return m.find() ? 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() : fallback;
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
