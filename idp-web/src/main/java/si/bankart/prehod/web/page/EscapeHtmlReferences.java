package si.bankart.prehod.web.page;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template inserts, so no template can forget to: the five characters that are special in HTML
 * text and in quoted attributes (OWASP XSS prevention, rule 1 and 2). Letters such as č stay readable. The few values
 * that are already HTML (made by our own code) are named with a {@code safe} prefix, e.g. {@code $safeQrCode}.
 */
public final class EscapeHtmlReferences implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) {
            return null;
        }
        String name = reference.replace("$", "").replace("!", "").replace("{", "");
        return name.startsWith("safe") ? value : escape(value.toString());
    }

    /** The five characters special in HTML text and quoted attributes, as entities. */
    public static String escape(String text) {
        // Most values need nothing (the POST form's base64 message, ~10 KB on every SSO): then no copy is made.
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static boolean special(char c) {
        return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
    }
}
