package si.bankart.prehod.login.rekono;

/**
 * Text that Rekono or the browser chose (error codes, descriptions, an {@code iss}) as it may enter a log line:
 * control characters replaced, at most 200 characters, so it cannot forge or flood log lines.
 */
final class ProviderText {

    private static final int MAX_CHARS = 200;

    private ProviderText() {
    }

    static String printable(String text) {
        if (text == null) {
            return "-";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) + "…" : clean;
    }
}
