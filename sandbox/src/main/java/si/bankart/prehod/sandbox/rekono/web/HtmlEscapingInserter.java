package si.bankart.prehod.sandbox.rekono.web;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

import si.bankart.prehod.web.page.EscapeHtmlReferences;

/**
 * HTML-escapes every value a template inserts, so no page can forget to; only {@link TrustedHtml} passes unchanged.
 */
final class HtmlEscapingInserter implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null || value instanceof TrustedHtml) {
            return value;
        }
        return EscapeHtmlReferences.escape(value.toString());
    }
}
