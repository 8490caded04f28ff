package si.bankart.prehod.web.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal's side of the protocol, played by an implementation that shares no code with ours: node-saml, run by
 * Node.js on src/test/node/check-response.js. Installs its npm packages on first use if they are missing.
 */
public final class NodeSaml {

    private static final Path DIRECTORY = Path.of("src", "test", "node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeSaml() {
    }

    /** A SAML Response as a portal would check it. */
    public record Check(String samlResponse, String idpCertificatePem, String audience, String acsUrl, String inResponseTo,
            boolean wantResponseSigned, String decryptionKeyPem) {
    }

    public static JsonNode check(Check check) {
        return run("check-response.js", input(check));
    }

    /**
     * As {@link #check}, by a portal configured from the IdP's metadata: it trusts every signing key the metadata
     * lists, after checking the metadata's signature with {@code metadataSignerPem} (check.idpCertificatePem unused).
     */
    public static JsonNode checkWithMetadata(Check check, String metadataXml, String metadataSignerPem) {
        Map<String, Object> input = input(check);
        input.put("idpMetadata", metadataXml);
        input.put("metadataSignerCert", metadataSignerPem);
        return run("check-response.js", input);
    }

    /** The node-saml settings a portal derives from the IdP's signed metadata (src/test/node/read-metadata.js). */
    public static JsonNode readMetadata(String metadataXml, String signerPem) {
        return run("read-metadata.js", Map.of("metadata", metadataXml, "signerCert", signerPem));
    }

    private static Map<String, Object> input(Check check) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("samlResponse", check.samlResponse());
        input.put("idpCert", check.idpCertificatePem());
        input.put("audience", check.audience());
        input.put("acsUrl", check.acsUrl());
        input.put("inResponseTo", check.inResponseTo());
        input.put("wantAuthnResponseSigned", check.wantResponseSigned());
        input.put("decryptionPvk", check.decryptionKeyPem());
        return input;
    }

    /** A portal's part in single logout (src/test/node/slo.js): {@code input} names the action and its values. */
    public static JsonNode logout(Map<String, Object> input) {
        return run("slo.js", input);
    }

    private static JsonNode run(String script, Map<String, Object> input) {
        installIfMissing();
        try {
            Process node = new ProcessBuilder("node", script).directory(DIRECTORY.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            node.getOutputStream().write(JSON.writeValueAsBytes(input));
            node.getOutputStream().close();
            byte[] output = node.getInputStream().readAllBytes();
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("node " + script + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new AssertionError("node could not be run (is Node.js installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static synchronized void installIfMissing() {
        if (Files.isDirectory(DIRECTORY.resolve("node_modules/@node-saml/node-saml"))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIRECTORY.toFile())
                    .inheritIO().start();
            if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new AssertionError("npm ci in " + DIRECTORY + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("npm could not be run (is Node.js installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
