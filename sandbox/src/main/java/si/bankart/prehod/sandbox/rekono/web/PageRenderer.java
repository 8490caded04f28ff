package si.bankart.prehod.sandbox.rekono.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Renders the stand-in's pages: one Velocity template per page under rekono/templates/, one engine for all of them,
 * every inserted value HTML-escaped, texts from the page language's messages.
 */
public final class PageRenderer {

    private static final String TEMPLATES = "rekono/templates/";
    /** What identifies the page a form was posted from; everything else a form carries stays out of the link. */
    private static final Set<String> KEPT_ON_POST = Set.of("tx", "reg");

    private final VelocityEngine engine;
    private final Map<String, Messages> messages;
    private final String home;

    /**
     * {@code home} is the main port's origin with a trailing slash (https://localhost:9443/): pages on the certificate
     * port link back to the outbox, device and cancel pages there.
     */
    public PageRenderer(String home) {
        this.home = home;
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        engine = new VelocityEngine(p);
        engine.init();
        messages = Messages.loadAll();
    }

    /**
     * Writes the page with the given HTTP status. {@code uiLocales} are the relying party's ui_locales, if the page
     * belongs to an authorization request.
     */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String page,
            Map<String, ?> model, List<String> uiLocales) throws IOException {
        String language = LanguageChoice.resolve(request, response, uiLocales);
        String other = language.equals("sl") ? "en" : "sl";
        VelocityContext context = new VelocityContext();
        EventCartridge escaping = new EventCartridge();
        escaping.addEventHandler(new HtmlEscapingInserter());
        escaping.attachToContext(context);
        model.forEach(context::put);
        context.put("msg", messages.get(language));
        context.put("lang", language);
        context.put("otherLang", other);
        context.put("switchUrl", switchUrl(request, other));
        context.put("base", "/openid-connect-server-webapp/");
        context.put("home", home);
        Template template = engine.getTemplate(TEMPLATES + page + ".vm", "UTF-8");
        // Merged into a buffer first, so a template error becomes a 500 rather than half a page with the intended status.
        StringWriter html = new StringWriter();
        template.merge(context, html);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = response.getWriter()) {
            out.write(html.toString());
        }
    }

    public Messages messages(String language) {
        return messages.get(language);
    }

    /** The same page in the other language: GET parameters kept (for a POST only the page's ids), lang replaced. */
    private static String switchUrl(HttpServletRequest request, String language) {
        String query = request.getParameterMap().entrySet().stream()
                .filter(e -> !e.getKey().equals("lang"))
                .filter(e -> request.getMethod().equals("GET") || KEPT_ON_POST.contains(e.getKey()))
                .flatMap(e -> Arrays.stream(e.getValue()).map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return request.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + language;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
