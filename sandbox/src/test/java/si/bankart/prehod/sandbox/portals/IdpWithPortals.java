package si.bankart.prehod.sandbox.portals;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import si.bankart.prehod.config.Paths;
import si.bankart.prehod.keys.PemCredentialReader;
import si.bankart.prehod.web.server.IdpOptions;
import si.bankart.prehod.web.server.IdpServer;
import si.bankart.prehod.web.testing.TestIdp;
import si.bankart.prehod.web.testing.TestLoginMethod;
import si.bankart.prehod.testing.FreePorts;

/**
 * A real IdP and the demo portals Acquiring and CMS web, each on a free port, over the same throw-away TLS key store.
 * The IdP's installation is a temp folder: the repository's templates, a configuration written here, and the two
 * portals' metadata from the repository with only the ACS and SLO Locations moved to the portals' test port (the entity IDs
 * still say 8500, as the launcher's would on another port).
 */
final class IdpWithPortals implements AutoCloseable {

    static final String TLS_PASSWORD = "test-tls-password";
    static final List<String> PORTALS = List.of("acq", "cms");

    final Path home;
    final IdpServer idp;
    final DemoPortals portals;
    final URI portalsBase;
    final KeyStore tls;

    private IdpWithPortals(Path home, IdpServer idp, DemoPortals portals, URI portalsBase, KeyStore tls) {
        this.home = home;
        this.idp = idp;
        this.portals = portals;
        this.portalsBase = portalsBase;
        this.tls = tls;
    }

    static IdpWithPortals start() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("prehod-portals-");
        int idpPort = FreePorts.next();
        int portalPort = FreePorts.next();
        TestIdp.writeServerConfig(home, idpPort, "");
        Files.writeString(home.resolve("conf/relying-parties.yaml"), """
                relyingParties:
                  - entityId: https://localhost:8500/acq/saml
                    displayName: { sl: "Acquiring", en: "Acquiring" }
                    loginMethods: [test]
                    minimumLoa: substantial
                    nameIdFormat: persistent
                    releasedAttributes: [bankUserId, displayName, mail]
                  - entityId: https://localhost:8500/cms/saml
                    displayName: { sl: "CMS web", en: "CMS web" }
                    loginMethods: [test]
                    minimumLoa: substantial
                    nameIdFormat: persistent
                    releasedAttributes: [bankUserId, displayName]
                """);
        Files.writeString(home.resolve("conf/users.yaml"), """
                users:
                  - id: u1001
                    attributes: { bankUserId: u1001, displayName: Janez Novak, mail: janez.novak@example.si }
                """);
        for (String portal : PORTALS) {
            String metadata = Files.readString(repo.resolve("metadata").resolve(portal + ".xml"));
            String moved = metadata.replace("Location=\"https://localhost:8500/", "Location=\"https://localhost:" + portalPort + "/");
            if (moved.equals(metadata)) {
                throw new IllegalStateException("metadata/" + portal + ".xml has no endpoint on port 8500 to move");
            }
            Files.writeString(home.resolve("metadata").resolve(portal + ".xml"), moved);
        }
        Clock clock = Clock.systemUTC();
        IdpServer idp = IdpServer.start(new IdpOptions(home, home.resolve("conf/idp.yaml"),
                Map.of("TEST_TLS_PASSWORD", TLS_PASSWORD), clock, new SecureRandom(), null,
                null, List.of(new TestLoginMethod(clock)), 0));
        KeyStore tls = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(home.resolve("var/keys/tls.p12"))) {
            tls.load(in, TLS_PASSWORD.toCharArray());
        }
        URI portalsBase = URI.create("https://localhost:" + portalPort);
        List<PortalDefinition> definitions = new PortalDefinitionReader(home.resolve("metadata"),
                repo.resolve("sandbox/sandbox-only-keys"), home.resolve("conf/relying-parties.yaml")).read(PORTALS);
        DemoPortals portals;
        try {
            portals = DemoPortals.start(new DemoPortalsConfig("127.0.0.1", portalPort, tls, TLS_PASSWORD.toCharArray(),
                    portalsBase, definitions, idp.config().entityId(), idp.config().endpoint(Paths.SSO_REDIRECT),
                    idp.config().endpoint(Paths.SLO_REDIRECT),
                    IdpKeys.pinned(new PemCredentialReader().readCertificate(home.resolve("var/keys/idp-signing.crt"))),
                    clock));
        } catch (Exception e) {
            idp.close();
            throw e;
        }
        return new IdpWithPortals(home, idp, portals, portalsBase, tls);
    }

    PortalBrowser browser() {
        return new PortalBrowser(tls);
    }

    URI portal(String pathAndQuery) {
        return portalsBase.resolve(pathAndQuery);
    }

    URI idp(String pathAndQuery) {
        return idp.baseUri().resolve(pathAndQuery);
    }

    @Override
    public void close() throws Exception {
        try {
            portals.close();
        } finally {
            idp.close();
        }
    }
}
