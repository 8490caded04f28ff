package si.bankart.prehod.sandbox.rekono.web;

/** Markup the stand-in generated itself (the QR code SVG) and that templates may insert without escaping. */
public record TrustedHtml(String markup) {

    @Override
    public String toString() {
        return markup;
    }
}
