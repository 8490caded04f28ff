package si.bankart.prehod.login.certificate;

import java.security.cert.X509Certificate;
import java.util.List;

import si.bankart.prehod.login.PendingLogin;

/**
 * What the browser presented for a pending login, as the web layer extracted it from the TLS handshake or a trusted
 * proxy's header.
 *
 * @param chain the client's certificate first, then whatever CA certificates came with it; empty when none came
 */
public record PresentedChain(PendingLogin pending, List<X509Certificate> chain) {

    public PresentedChain {
        chain = List.copyOf(chain);
    }
}
