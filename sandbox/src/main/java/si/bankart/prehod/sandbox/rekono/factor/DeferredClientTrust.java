package si.bankart.prehod.sandbox.rekono.factor;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificate port's TLS trust manager: names the trust anchors in the CertificateRequest (so browsers offer only
 * certificates from them) and lets any client certificate through the handshake. The handshake still proves the
 * client holds the certificate's private key (TLS 1.3 CertificateVerify, RFC 8446 §4.4.3); whether the certificate is
 * trusted is {@link ClientCertificateCheck}'s decision, which answers with a page that says what is wrong instead of
 * a TLS alert the user cannot read.
 */
public final class DeferredClientTrust extends X509ExtendedTrustManager {

    private final X509Certificate[] anchors;

    public DeferredClientTrust(Set<X509Certificate> anchors) {
        this.anchors = anchors.toArray(new X509Certificate[0]);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Deferred to ClientCertificateCheck, see the class comment.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Deferred to ClientCertificateCheck.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Deferred to ClientCertificateCheck.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the certificate port is a server; it never judges server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.clone();
    }
}
