package si.bankart.prehod.sandbox.portals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

import si.bankart.prehod.web.page.EscapeHtmlReferences;

/**
 * Renders the portals' pages from the Velocity templates in {@code portals/} on the class path, every inserted value
 * HTML-escaped (the IdP's own escaping handler), texts from {@code portals/messages_{sl,en}.properties}. Slovenian
 * unless the request asks {@code ?lang=en}.
 */
public final class PortalPages {

    private final VelocityEngine engine;
    private final Map<String, Texts> texts;

    public PortalPages() {
        Properties properties = new Properties();
        properties.setProperty("resource.loaders", "class");
        properties.setProperty("resource.loader.class.class",
                "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        properties.setProperty("resource.loader.class.cache", "true");
        properties.setProperty("event_handler.reference_insertion.class", EscapeHtmlReferences.class.getName());
        properties.setProperty("resource.default_encoding", "UTF-8");
        this.engine = new VelocityEngine(properties);
        this.engine.init();
        this.texts = Map.of("sl", Texts.load("sl"), "en", Texts.load("en"));
    }

    public static String language(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? "en" : "sl";
    }

    /** A context with the language, the texts and the page's portal (null on the portals' index page). */
    public VelocityContext context(String language, PortalDefinition portal) {
        VelocityContext context = new VelocityContext();
        context.put("lang", language);
        context.put("otherLang", "en".equals(language) ? "sl" : "en");
        context.put("msg", texts.get(language));
        if (portal != null) {
            context.put("portalId", portal.id());
            context.put("portalName", portal.displayName().in(language));
            context.put("home", portal.homePath());
        }
        return context;
    }

    public void render(HttpServletResponse response, int status, String template, VelocityContext context)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            engine.mergeTemplate("portals/" + template, "UTF-8", context, out);
        }
    }

    /** The texts of one language; a missing key shows as ??key?? rather than failing the page. */
    public static final class Texts {
        private final Properties properties;

        private Texts(Properties properties) {
            this.properties = properties;
        }

        static Texts load(String language) {
            String name = "portals/messages_" + language + ".properties";
            Properties properties = new Properties();
            try (InputStream in = PortalPages.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the class path");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name + " cannot be read", e);
            }
            return new Texts(properties);
        }

        public String get(String key) {
            String text = properties.getProperty(key);
            return text == null ? "??" + key + "??" : text;
        }
    }
}
