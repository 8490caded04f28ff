package si.bankart.prehod.sandbox.rekono.web;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * HTML-escapes every value a template inserts, so no page can forget to; only {@link TrustedHtml} passes unchanged.
 */
final class HtmlEscapingInserter implements ReferenceInsertionEventHandler {

  @Override
  public Object referenceInsert(Context context, String reference, Object value) {
    if (value == null || value instanceof TrustedHtml) {
      return value;
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
