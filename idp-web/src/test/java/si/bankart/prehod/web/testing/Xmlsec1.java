package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code xmlsec1 --verify} (libxmlsec1, no Java in it) as the independent check of a signed SAML metadata
 * document: the key is the given certificate only, the ID attribute is md:EntityDescriptor's.
 */
public final class Xmlsec1 {

    private Xmlsec1() {
    }

    /** The tool's verdict: whether it verified, and what it printed. */
    public record Verdict(boolean verified, String output) {
    }

    public static Verdict verifyMetadata(byte[] document, Path certificatePem) {
        try {
            Path file = Files.createTempFile("prehod-metadata-", ".xml");
            Files.write(file, document);
            Process xmlsec = new ProcessBuilder("xmlsec1", "--verify", "--pubkey-cert-pem", certificatePem.toString(),
                    "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor", "--enabled-key-data",
                    "x509", file.toString()).redirectErrorStream(true).start();
            String output = new String(xmlsec.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!xmlsec.waitFor(60, TimeUnit.SECONDS)) {
                xmlsec.destroyForcibly();
                throw new AssertionError("xmlsec1 did not finish");
            }
            return new Verdict(xmlsec.exitValue() == 0 && output.contains("OK"), output);
        } catch (IOException e) {
            throw new AssertionError("xmlsec1 could not be run (Debian package xmlsec1)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
