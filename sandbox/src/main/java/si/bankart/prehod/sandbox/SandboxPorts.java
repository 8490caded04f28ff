package si.bankart.prehod.sandbox;

/**
 * The sandbox's ports on 127.0.0.1 (shared/DESIGN.md). The defaults are what conf/ and metadata/ name; tests start the
 * sandbox on free ports instead.
 *
 * @param idpCertificate the IdP connector that asks for a client certificate
 * @param ca             the sandbox CA's CRL and OCSP responder (plain HTTP, as real revocation services are)
 */
public record SandboxPorts(int idp, int idpCertificate, int rekono, int rekonoCertificate, int portals, int ca) {

    public static final SandboxPorts DEFAULTS = new SandboxPorts(8443, 8444, 9443, 9444, 8500, 8580);
}
