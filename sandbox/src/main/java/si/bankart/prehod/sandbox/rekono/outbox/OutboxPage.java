package si.bankart.prehod.sandbox.rekono.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import si.bankart.prehod.sandbox.rekono.web.PageRenderer;

/** /outbox: the SMS texts and e-mails sent, newest first, as a page or (?format=json) as a JSON array. */
public final class OutboxPage extends HttpServlet {

    /** A message as the page shows it, with the time in Slovenian local time. */
    public record Row(String time, String isoTime, String channel, String to, String subject, String body) {
        static Row of(OutboxMessage m) {
            return new Row(LOCAL_TIME.format(m.sentAt()), m.sentAt().toString(), m.channel().name(), m.to(), m.subject(),
                    m.body());
        }
    }

    static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("d. M. yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Ljubljana"));

    private final Outbox outbox;
    private final PageRenderer renderer;
    private final ObjectMapper json = new ObjectMapper();

    public OutboxPage(Outbox outbox, PageRenderer renderer) {
        this.outbox = outbox;
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<OutboxMessage> messages = outbox.messages();
        if ("json".equals(request.getParameter("format"))) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            json.writeValue(response.getOutputStream(), messages.stream().map(m -> Map.of("id", m.id(),
                    "sentAt", m.sentAt().toString(), "channel", m.channel().name(), "to", m.to(), "subject", m.subject(),
                    "body", m.body())).toList());
            return;
        }
        renderer.render(request, response, HttpServletResponse.SC_OK, "outbox",
                Map.of("messages", messages.stream().map(Row::of).toList()), List.of());
    }
}
