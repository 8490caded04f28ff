package si.bankart.prehod.sandbox;

import si.bankart.prehod.sandbox.ca.DemoClientCertificate;
import si.bankart.prehod.sandbox.portals.PortalDefinitionReader;

/** What a person needs after {@code ./prehod sandbox}: every address, the demo users, where the certificates are. */
final class SandboxBanner {

    private final Sandbox sandbox;

    SandboxBanner(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        String idp = sandbox.idpBase().toString();
        out.append("\nVarni Prehod sandbox is running on 127.0.0.1 (Ctrl-C stops it)\n\n");
        out.append("  IdP\n");
        out.append("    metadata        ").append(idp).append("/idp/metadata\n");
        out.append("    status          ").append(idp).append("/idp/status\n");
        NodePorts nodes = sandbox.nodePorts();
        if (nodes != null) {
            out.append("    front           ").append(idp).append(" and the certificate port hand each new connection")
                    .append(" to the next live node\n");
            out.append("    Redis           127.0.0.1:").append(nodes.redis()).append("   (data in var/sandbox/redis)\n");
            for (int i = 0; i < nodes.nodes(); i++) {
                out.append("    node ").append(i + 1).append("          https://localhost:").append(nodes.https().get(i))
                        .append(", certificate :").append(nodes.certificate().get(i)).append(", management :")
                        .append(nodes.management().get(i)).append(", pid ")
                        .append(sandbox.nodePids().get(i)).append(", log var/log/node-").append(i + 1).append('\n');
            }
            out.append("    try it          start a login, then kill -9 ").append(sandbox.nodePids().get(0))
                    .append(" and finish it: another node completes it\n");
        }
        out.append("  Demo portals (open one, log in, then visit the others: single sign-on; log out: single logout)\n");
        out.append("    all portals     ").append(sandbox.portals().localUri())
                .append("   (who is logged in where; switch a portal to ignore logout requests)\n");
        for (String portal : PortalDefinitionReader.SANDBOX_PORTALS) {
            out.append("    ").append(String.format("%-15s ", portal)).append(sandbox.portals().localUri().resolve("/" + portal + "/"))
                    .append('\n');
        }
        out.append("  Rekono stand-in (log in with Rekono on the IdP's method page)\n");
        out.append("    issuer          ").append(sandbox.rekono().issuer()).append('\n');
        out.append("    outbox          ").append(sandbox.rekono().outboxPage()).append("   (SMS codes and e-mails)\n");
        out.append("    device          ").append(sandbox.rekono().devicePage()).append("   (approve push logins)\n");
        out.append("    demo accounts   e-mail / password / trust level / second factors\n");
        out.append("      janez.novak@example.si   Janez-Sandbox-2025   3  OnePass, push, certificate (bank user u1001)\n");
        out.append("      marko.horvat@example.si  Marko-Sandbox-2025   2  SMS, OnePass, push       (bank user u1002)\n");
        out.append("      ana.kovac@example.si     Ana-Sandbox-2025     1  SMS, OnePass             (bank user u1003)\n");
        out.append("      tujec@example.si         Tujec-Sandbox-2025   2  SMS, OnePass, push       (not a bank user)\n");
        out.append("    OnePass secrets (base32, for an authenticator app) are in sandbox/conf/rekono-accounts.yaml\n");
        out.append("  Sandbox CA\n");
        out.append("    root to import  ").append(sandbox.ca().trustedRootPem()).append('\n');
        out.append("                    (import it as a trusted authority in your browser: every sandbox server's\n");
        out.append("                     certificate is issued under it)\n");
        out.append("    CRL and OCSP    ").append(sandbox.ca().baseUrl()).append('\n');
        out.append("  Client certificates (PKCS#12, password \"").append(Sandbox.SANDBOX_PASSWORD).append("\")\n");
        for (DemoClientCertificate client : sandbox.ca().demoClients()) {
            out.append("    ").append(String.format("%-15s ", client.kind().name().toLowerCase().replace('_', '-')))
                    .append(client.file()).append('\n');
        }
        return out.toString();
    }
}
