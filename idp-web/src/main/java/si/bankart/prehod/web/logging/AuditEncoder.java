package si.bankart.prehod.web.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.event.KeyValuePair;

/**
 * audit.log's lines: {@code text} writes AuditLog's key=value line; {@code json} (logging.auditFormat) writes one flat
 * JSON object per event for a SIEM ({@code {"time":"…","event":"sso","sp":"…",…,"incident":"…"}}) from the event's
 * key-value pairs, in AuditLog's order. Jackson escapes every value, so no crafted entity ID can break a line.
 */
public final class AuditEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];
    private final JsonFactory json = new JsonFactory();
    private boolean asJson;

    /** {@code text} or {@code json}; set by logback.xml from conf/idp.yaml, validated there. */
    public void setFormat(String format) {
        asJson = "json".equals(format);
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (!asJson) {
            return (event.getFormattedMessage() + "\n").getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator line = json.createGenerator(out)) {
            line.writeStartObject();
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    line.writeStringField(pair.key, pair.value == null ? null : pair.value.toString());
                }
            }
            line.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
