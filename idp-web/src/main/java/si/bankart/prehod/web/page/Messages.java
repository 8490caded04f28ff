package si.bankart.prehod.web.page;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import si.bankart.prehod.config.ConfigException;

/**
 * The texts of our pages in one language, from templates/i18n/messages_{sl,en}.properties (UTF-8), so operators edit
 * wording next to the templates. A missing key shows as ??key?? rather than failing the page.
 */
public final class Messages {

    private final Properties texts;
    private final Locale locale;

    private Messages(Properties texts, Locale locale) {
        this.texts = texts;
        this.locale = locale;
    }

    public static Map<Language, Messages> load(Path templates) {
        return Map.of(Language.SL, read(templates, Language.SL), Language.EN, read(templates, Language.EN));
    }

    private static Messages read(Path templates, Language language) {
        Path file = templates.resolve("i18n").resolve("messages_" + language.code() + ".properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(file, "cannot be read");
        }
        return new Messages(properties, Locale.forLanguageTag(language.code()));
    }

    public String get(String key) {
        String text = texts.getProperty(key);
        return text == null ? "??" + key + "??" : text;
    }

    /** The text under {@code key}, or under {@code fallback} when the operator's files have no such key. */
    public String getOr(String key, String fallback) {
        String text = texts.getProperty(key);
        return text == null ? get(fallback) : text;
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key).replace("'", "''"), locale).format(arguments);
    }
}
