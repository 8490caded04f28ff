package si.bankart.prehod.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A TLS client context that trusts the JDK's CAs, or only the CA certificates of one PEM file when one is named. */
public final class TrustedCas {

    private TrustedCas() {
    }

    /** @param pem a PEM file of CA certificates, or null for the JDK's trusted CAs */
    public static SSLContext sslContext(Path pem, String key) {
        try {
            if (pem == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int alias = 0;
            for (X509Certificate anchor : PemCertificates.read(pem, key)) {
                trusted.setCertificateEntry("anchor-" + alias++, anchor);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS trust for " + key + " cannot be set up", e);
        }
    }
}
