package si.bankart.prehod.sandbox;

import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import si.bankart.prehod.sandbox.ca.DemoClient;

/** A person's TLS in the sandbox: trusts only the sandbox CA's roots, optionally presents a demo client certificate. */
final class SandboxTls {

    private SandboxTls() {
    }

    static SSLContext trustingOnlyTheSandbox(Sandbox sandbox) throws Exception {
        return presenting(sandbox, null);
    }

    /** With {@code kind} null, no client certificate. The PKCS#12 files' password is "sandbox". */
    static SSLContext presenting(Sandbox sandbox, DemoClient kind) throws Exception {
        KeyManagerFactory keyManagers = null;
        if (kind != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(sandbox.ca().demoClient(kind).file())) {
                keys.load(in, "sandbox".toCharArray());
            }
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, "sandbox".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate root : sandbox.ca().trustedRoots()) {
            trust.setCertificateEntry("root" + i++, root);
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }
}
