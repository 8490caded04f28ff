package si.bankart.prehod.web.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import si.bankart.prehod.sp.SpCatalog;
import si.bankart.prehod.testing.TestAuthnRequests;
import si.bankart.prehod.testing.TestCredentials;
import si.bankart.prehod.testing.TestMetadataDocuments;
import si.bankart.prehod.testing.TestServiceProvider;
import si.bankart.prehod.config.Paths;
import si.bankart.prehod.web.testing.Admin;
import si.bankart.prehod.testing.LogCapture;
import si.bankart.prehod.web.testing.Pems;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestMetadataServer;

/**
 * Remote metadata sources over real TLS: a signed aggregate at an https URL and an MDQ responder, served by a test
 * publisher. Every bad document is refused with its reason logged, and the last good copy keeps the SPs in.
 */
class MetadataSourcesEndToEndTest {

    private static final BasicX509Credential FEDERATION = TestCredentials.named("e2e-federation-signer");
    private static final BasicX509Credential MDQ = TestCredentials.named("e2e-mdq-signer");
    private static final TestServiceProvider PORTAL_A = TestServiceProvider.named("federated-a");
    private static final TestServiceProvider PORTAL_B = TestServiceProvider.named("federated-b");
    private static final TestServiceProvider MDQ_PORTAL = TestServiceProvider.named("mdq-portal");
    private static final TestServiceProvider MDQ_FORGED = TestServiceProvider.named("mdq-forged");
    private static final String AGGREGATE = "/federation.xml";
    private static final TestMetadataDocuments GOOD = TestMetadataDocuments.aggregate(FEDERATION, PORTAL_A, PORTAL_B);

    private static TestMetadataServer publisher;
    private static TestIdp idp;

    @BeforeAll
    static void start() throws Exception {
        publisher = new TestMetadataServer(Files.createTempDirectory("prehod-md-publisher-"));
        publisher.serve(AGGREGATE, GOOD.bytes());
        publisher.serve(mdqPath(MDQ_PORTAL), TestMetadataDocuments.entity(MDQ, MDQ_PORTAL).bytes());
        publisher.serve(mdqPath(MDQ_FORGED),
                TestMetadataDocuments.entity(TestCredentials.named("e2e-not-mdq"), MDQ_FORGED).bytes());
        idp = TestIdp.start(List.of(), TestIdp.policy(PORTAL_A, "") + TestIdp.policy(PORTAL_B, "")
                + TestIdp.policy(MDQ_PORTAL, "") + TestIdp.policy(MDQ_FORGED, ""),
                "metadataSources: conf/metadata-sources.yaml", home -> sources(home, publisher));
    }

    /** The publisher's two sources, with the signers' certificates and the publisher's TLS certificate in conf/trust. */
    private static void sources(Path home, TestMetadataServer server) throws Exception {
        Files.createDirectories(home.resolve("conf/trust"));
        Files.writeString(home.resolve("conf/trust/federation.pem"), Pems.certificate(FEDERATION.getEntityCertificate()));
        Files.writeString(home.resolve("conf/trust/mdq.pem"), Pems.certificate(MDQ.getEntityCertificate()));
        Files.copy(server.trustAnchor(), home.resolve("conf/trust/publisher-tls.pem"));
        Files.writeString(home.resolve("conf/metadata-sources.yaml"), """
                sources:
                  - name: federation
                    url: %s
                    certificate: conf/trust/federation.pem
                    tlsTrustAnchors: conf/trust/publisher-tls.pem
                    maxBytes: 65536
                  - name: mdq
                    mdq: %s
                    certificate: conf/trust/mdq.pem
                    tlsTrustAnchors: conf/trust/publisher-tls.pem
                """.formatted(server.url(AGGREGATE), server.url("/mdq")));
    }

    private static String mdqPath(TestServiceProvider sp) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-1").digest(sp.entityId().getBytes(StandardCharsets.UTF_8));
        return "/mdq/entities/%7Bsha1%7D" + HexFormat.of().formatHex(hash);
    }

    @AfterAll
    static void stop() throws Exception {
        idp.close();
        publisher.close();
    }

    @AfterEach
    void publishTheGoodDocumentAgain() {
        publisher.serve(AGGREGATE, GOOD.bytes());
        idp.server().reloadMetadata();
    }

    /** "login": the AuthnRequest was accepted and the browser sent to log in; "refused": the error page (400). */
    private static String sso(TestServiceProvider sp) {
        HttpResponse<String> answer = idp.browser().get(Paths.SSO_REDIRECT + "?"
                + TestAuthnRequests.valid(sp, idp.endpoint(Paths.SSO_REDIRECT)).redirectQuery(null));
        if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains(Paths.LOGIN)) {
            return "login";
        }
        return answer.statusCode() == 400 ? "refused" : "unexpected " + answer.statusCode();
    }

    @Test
    void signedAggregateOverHttpsLetsItsPortalsIn() {
        assertEquals("login", sso(PORTAL_A), "the login page");
        assertEquals("login", sso(PORTAL_B));
        assertTrue(Files.isRegularFile(idp.home().resolve("var/metadata/federation.xml")), "last good copy saved");
    }

    /** Reloads what the publisher now serves and checks the refusal: reason reported and logged, portals still in. */
    private static void assertRefusedKeepingTheLastGoodCopy(String reason) {
        try (LogCapture log = new LogCapture(SpCatalog.class.getName())) {
            List<String> report = idp.server().reloadMetadata();
            assertTrue(report.stream().anyMatch(l -> l.startsWith("federation: FAILED") && l.contains(reason)),
                    report.toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN") && l.contains("federation")
                    && l.contains(reason)), log.lines().toString());
        }
        assertEquals("login", sso(PORTAL_A), "the last good copy still lets the portal in");
        assertTrue(idp.server().catalog().check().detail().contains(reason), "readiness names the reason");
    }

    @Test
    void refusesATamperedAggregate() {
        publisher.serve(AGGREGATE, GOOD.xml().replace(PORTAL_A.acsUrl(), "https://evil.test/acs")
                .getBytes(StandardCharsets.UTF_8));
        assertRefusedKeepingTheLastGoodCopy("does not verify with any trusted signing key");
    }

    @Test
    void refusesAnAggregateFromAnotherSigner() {
        publisher.serve(AGGREGATE, GOOD.signedBy(TestCredentials.named("e2e-other-signer")).bytes());
        assertRefusedKeepingTheLastGoodCopy("does not verify with any trusted signing key");
    }

    @Test
    void refusesWithCommentsCanonicalization() {
        publisher.serve(AGGREGATE, GOOD.canonicalizedWith(SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS).bytes());
        assertRefusedKeepingTheLastGoodCopy("is not exclusive c14n without comments");
    }

    @Test
    void refusesAnExpiredAggregate() {
        publisher.serve(AGGREGATE, GOOD.validUntil(Instant.now().minus(Duration.ofHours(1))).bytes());
        assertRefusedKeepingTheLastGoodCopy("the document expired at");
    }

    @Test
    void refusesADoctype() {
        publisher.serve(AGGREGATE, GOOD.xml().replaceFirst("\\?>", "?><!DOCTYPE md:EntitiesDescriptor [<!ENTITY x \"y\">]>")
                .getBytes(StandardCharsets.UTF_8));
        assertRefusedKeepingTheLastGoodCopy("DOCTYPE");
    }

    @Test
    void refusesAnOversizeDocument() {
        publisher.serve(AGGREGATE, new byte[70_000]);
        assertRefusedKeepingTheLastGoodCopy("is larger than maxBytes 65536");
    }

    @Test
    void refusesARedirectToAnotherHost() {
        publisher.redirect(AGGREGATE, "https://127.0.0.1:" + publisher.port() + "/elsewhere.xml");
        assertRefusedKeepingTheLastGoodCopy("redirects to another host");
    }

    @Test
    void refusesAnHttpError() {
        publisher.fail(AGGREGATE, 503);
        assertRefusedKeepingTheLastGoodCopy("answered HTTP 503");
    }

    @Test
    void mdqFetchesAnEntityOnFirstUseThenServesItFromTheCache() throws Exception {
        String path = mdqPath(MDQ_PORTAL);
        assertEquals("login", sso(MDQ_PORTAL));
        long fetched = publisher.asked().stream().filter(path::equals).count();
        assertEquals("login", sso(MDQ_PORTAL));
        assertEquals(fetched, publisher.asked().stream().filter(path::equals).count(), "the second login is served from the cache");
        assertTrue(fetched >= 1);
        assertTrue(Files.isDirectory(idp.home().resolve("var/metadata/mdq")), "saved for the next start");
    }

    @Test
    void mdqEntitiesAreRefreshedOnReload() throws Exception {
        assertEquals("login", sso(MDQ_PORTAL));
        TestServiceProvider moved = MDQ_PORTAL.withAcs("https://sp.test/mdq-portal/moved-acs");
        publisher.serve(mdqPath(MDQ_PORTAL), TestMetadataDocuments.entity(MDQ, moved).bytes());
        long before = publisher.asked().stream().filter(mdqPath(MDQ_PORTAL)::equals).count();
        List<String> report = idp.server().reloadMetadata();
        assertEquals(before + 1, publisher.asked().stream().filter(mdqPath(MDQ_PORTAL)::equals).count());
        assertTrue(report.contains(MDQ_PORTAL.entityId() + ": endpoint-changed"), report.toString());
        assertEquals("https://sp.test/mdq-portal/moved-acs", idp.server().catalog().find(MDQ_PORTAL.id())
                .orElseThrow().metadata().defaultAcs().orElseThrow().location());
        publisher.serve(mdqPath(MDQ_PORTAL), TestMetadataDocuments.entity(MDQ, MDQ_PORTAL).bytes());
    }

    @Test
    void mdqAnswerSignedByAnotherKeyIsRefused() {
        try (LogCapture log = new LogCapture(SpCatalog.class.getName())) {
            assertEquals("refused", sso(MDQ_FORGED), "the error page, as for an unknown SP");
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("metadata source mdq: entity "
                    + MDQ_FORGED.entityId() + " refused") && l.contains("does not verify with any trusted signing key")),
                    log.lines().toString());
        }
    }

    @Test
    void aStartWhileThePublisherIsDownUsesTheSavedCopy() throws Exception {
        try (TestMetadataServer down = new TestMetadataServer(Files.createTempDirectory("prehod-md-down-"))) {
            down.fail(AGGREGATE, 503);
            try (TestIdp second = TestIdp.start(List.of(), TestIdp.policy(PORTAL_A, "") + TestIdp.policy(PORTAL_B, ""),
                    "metadataSources: conf/metadata-sources.yaml", home -> {
                        sources(home, down);
                        Files.createDirectories(home.resolve("var/metadata"));
                        Files.copy(idp.home().resolve("var/metadata/federation.xml"),
                                home.resolve("var/metadata/federation.xml"));
                    })) {
                assertTrue(second.server().catalog().find(PORTAL_A.id()).isPresent());
                assertTrue(second.server().catalog().check().detail().contains("answered HTTP 503"));
            }
        }
    }

    /**
     * {@code prehod metadata check} reads the saved copy under var/metadata/ and never asks the publisher: the copy as
     * the running IdP saved it passes (0), the same copy expired is exit 4, a tampered one exit 1.
     */
    @Test
    void metadataCheckValidatesTheSavedCopyOfflineWithAnExitCodePerOutcome() throws Exception {
        Path saved = idp.home().resolve("var/metadata/federation.xml");
        int asked = publisher.asked().size();

        Admin.Run good = Admin.run(idp, false, "", "metadata", "check");
        assertEquals(0, good.exitCode(), good.output());

        Files.write(saved, GOOD.validUntil(Instant.now().minus(Duration.ofMinutes(1))).bytes());
        Admin.Run expired = Admin.run(idp, false, "", "metadata", "check");
        assertEquals(4, expired.exitCode(), expired.output());
        assertTrue(expired.output().contains("expired: source federation: federation (saved copy): the document expired at"),
                expired.output());

        Files.writeString(saved, GOOD.xml().replace(PORTAL_A.acsUrl(), "https://evil.test/acs"));
        Admin.Run tampered = Admin.run(idp, false, "", "metadata", "check");
        assertEquals(1, tampered.exitCode(), tampered.output());
        assertTrue(tampered.output().contains("invalid: source federation: ")
                && tampered.output().contains("does not verify with any trusted signing key"), tampered.output());

        assertEquals(asked, publisher.asked().size(), "check asked the publisher: " + publisher.asked());
    }
}
