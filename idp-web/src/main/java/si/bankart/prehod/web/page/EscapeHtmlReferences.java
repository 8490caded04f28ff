package si.bankart.prehod.web.page;

import net.shibboleth.utilities.java.support.codec.HTMLEncoder;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template inserts, so no template can forget to. The few values that are already HTML
 * (pre-rendered by our own code) are named with a {@code safe} prefix, e.g. {@code $safeQrCode}.
 */
public final class EscapeHtmlReferences implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) {
            return null;
        }
        String name = reference.replace("$", "").replace("!", "").replace("{", "");
        if (name.startsWith("safe")) {
            return value;
        }
        return HTMLEncoder.encodeForHTML(value.toString());
    }
}
