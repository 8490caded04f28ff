package si.bankart.prehod.web.page;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import javax.servlet.http.HttpServletResponse;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

import si.bankart.prehod.config.ConfigException;

/**
 * Renders our pages: one Velocity engine for the server's lifetime, templates from the operator's templates/ folder,
 * every inserted value HTML-escaped, texts in the page's language.
 */
public final class Pages {

    private static final int EXPECTED_PAGE_CHARS = 16 * 1024;

    private final VelocityEngine engine;
    private final Map<Language, Messages> messages;

    public Pages(Path templates) {
        if (!Files.isDirectory(templates)) {
            throw new ConfigException(templates, "templates folder not found");
        }
        Properties properties = new Properties();
        properties.setProperty("resource.loaders", "file");
        properties.setProperty("resource.loader.file.class",
                "org.apache.velocity.runtime.resource.loader.FileResourceLoader");
        properties.setProperty("resource.loader.file.path", templates.toAbsolutePath().toString());
        properties.setProperty("resource.loader.file.cache", "true");
        properties.setProperty("event_handler.reference_insertion.class", EscapeHtmlReferences.class.getName());
        properties.setProperty("resource.default_encoding", "UTF-8");
        this.engine = new VelocityEngine(properties);
        this.engine.init();
        this.messages = Messages.load(templates);
    }

    /** The engine, for OpenSAML's POST encoder, which renders with it. */
    public VelocityEngine engine() {
        return engine;
    }

    public Messages messages(Language language) {
        return messages.get(language);
    }

    public VelocityContext context(Language language) {
        VelocityContext context = new VelocityContext();
        context.put("lang", language.code());
        context.put("otherLang", language.other().code());
        context.put("msg", messages.get(language));
        return context;
    }

    /**
     * The page as UTF-8 bytes, for a caller that sends it in one write with its length (the POST form, on every SSO).
     * Same engine, same escaping of every insertion as {@link #render}.
     */
    public byte[] html(String template, VelocityContext context) {
        StringWriter out = new StringWriter(EXPECTED_PAGE_CHARS);
        engine.getTemplate(template, "UTF-8").merge(context, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public void render(HttpServletResponse response, int status, String template, VelocityContext context)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            engine.mergeTemplate(template, "UTF-8", context, out);
        }
    }
}
