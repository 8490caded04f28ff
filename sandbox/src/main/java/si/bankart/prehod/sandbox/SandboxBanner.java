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
        String idp = sandbox.idp().baseUri().toString();
        out.append("\nVarni Prehod sandbox is running on 127.0.0.1 (Ctrl-C stops it)\n\n");
        out.append("  IdP\n");
        out.append("    metadata        ").append(idp).append("/idp/metadata\n");
        out.append("    status          ").append(idp).append("/idp/status\n");
        out.append("  Demo portals (open one, log in, then visit the others: single sign-on)\n");
        out.append("    all portals     ").append(sandbox.portals().localUri()).append('\n');
        for (String portal : PortalDefinitionReader.SANDBOX_PORTALS) {
            out.append("    ").append(String.format("%-15s ", portal)).append(sandbox.portals().localUri().resolve("/" + portal + "/"))
                    .append('\n');
        }
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
