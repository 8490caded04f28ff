package si.bankart.prehod.sandbox.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the sandbox CA keeps its files under the directory the launcher passes (var/sandbox/ca/):
 * <pre>
 *   ca.properties                 the base URL the certificates point at; written last, marks a complete CA
 *   private/&lt;ca&gt;.p12              CA and OCSP responder keys with their chains
 *   tls/localhost.p12             the TLS server keys (RSA, ECDSA P-256) and chains for every sandbox server
 *   clients/&lt;demo&gt;.p12            demo client certificates to import into a browser
 *   trust/sandbox-root.pem        the one root the IdP trusts (conf/trust/ points here)
 *   certs/&lt;ca&gt;.pem                every CA certificate, roots and issuing, for inspection and chains
 *   revocations.txt               what was revoked, so it stays revoked across restarts
 * </pre>
 * Every .p12 is protected by {@link SandboxCa#PASSWORD}.
 */
record CaDirectory(Path root) {

    CaDirectory {
        Objects.requireNonNull(root, "root");
    }

    Path properties() {
        return root.resolve("ca.properties");
    }

    Path privateKey(String name) {
        return root.resolve("private").resolve(name + ".p12");
    }

    Path tlsKeyStore() {
        return root.resolve("tls").resolve("localhost.p12");
    }

    Path client(DemoClient client) {
        return root.resolve("clients").resolve(client.fileName());
    }

    Path trustedRoot() {
        return root.resolve("trust").resolve(SandboxCa.SANDBOX_ROOT + ".pem");
    }

    Path certificate(String name) {
        return root.resolve("certs").resolve(name + ".pem");
    }

    Path revocations() {
        return root.resolve("revocations.txt");
    }

    static void writePem(Path file, X509Certificate certificate) throws IOException {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            AtomicFiles.write(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (CertificateEncodingException e) {
            throw new IOException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }

    static boolean allExist(Path... files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
        }
        return true;
    }
}
