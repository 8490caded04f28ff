package si.bankart.prehod.config;

/** A text shown to users, in Slovenian (always) and English (falls back to Slovenian). */
public record LocalizedText(String sl, String en) {

    public LocalizedText {
        IdpConfig.require(sl, "the Slovenian text (sl)");
    }

    public String in(String language) {
        return "en".equals(language) && en != null && !en.isBlank() ? en : sl;
    }
}
