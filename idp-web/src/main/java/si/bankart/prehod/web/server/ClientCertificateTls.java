package si.bankart.prehod.web.server;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for the certificate connector: asks for (wants, does not need) a client certificate, naming the trust anchors
 * as acceptable issuers (RFC 8446 §4.2.4, RFC 5246 §7.4.4). The handshake itself still proves the client holds the
 * certificate's private key; judging the certificate is left to the login endpoint, so that an expired or revoked
 * certificate gets our page with its reason instead of a browser TLS error.
 */
final class ClientCertificateTls extends SslContextFactory.Server {

    private final X509Certificate[] acceptedIssuers;

    ClientCertificateTls(List<X509Certificate> trustAnchors) {
        this.acceptedIssuers = trustAnchors.toArray(X509Certificate[]::new);
        setWantClientAuth(true);
        setNeedClientAuth(false);
        setIncludeProtocols("TLSv1.3", "TLSv1.2");
    }

    @Override
    protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
        return new TrustManager[] {new JudgedLater(acceptedIssuers)};
    }

    /** Accepts any client chain at the TLS layer: ClientCertificateVerifier judges it (PKIX, revocation, mapping). */
    private static final class JudgedLater extends X509ExtendedTrustManager {
        private final X509Certificate[] issuers;

        JudgedLater(X509Certificate[] issuers) {
            this.issuers = issuers;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("this connector is a server only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("this connector is a server only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("this connector is a server only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return issuers.clone();
        }
    }
}
