package si.bankart.prehod.sandbox.rekono.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The page texts of one language, read from rekono/messages_LANG.properties (UTF-8). Templates call
 * {@code $msg.get("key")} or {@code $msg.format("key", arg)}; a missing key shows as ???key??? so it is noticed.
 */
public final class Messages {

    public static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("sl"), Locale.ENGLISH);

    private final Locale locale;
    private final Properties texts;

    private Messages(Locale locale, Properties texts) {
        this.locale = locale;
        this.texts = texts;
    }

    public static Map<String, Messages> loadAll() {
        return Map.of("sl", load(SUPPORTED.get(0)), "en", load(SUPPORTED.get(1)));
    }

    private static Messages load(Locale locale) {
        String name = "/rekono/messages_" + locale.getLanguage() + ".properties";
        Properties texts = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        return new Messages(locale, texts);
    }

    public String get(String key) {
        return texts.getProperty(key, "???" + key + "???");
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public String language() {
        return locale.getLanguage();
    }
}
