package si.bankart.prehod.sandbox.portals;

import java.security.cert.X509Certificate;
import java.util.List;

/** The certificates a portal accepts the IdP's signatures with. */
public interface IdpKeys {

    /** What the portal knows now. */
    List<X509Certificate> current();

    /**
     * Asked after a signature verified with none of {@link #current()}: the IdP may have switched to a key it
     * published since; a source that cannot learn new keys answers {@link #current()} again.
     */
    List<X509Certificate> refreshed();

    /** One certificate, fixed (unit tests of the portals). */
    static IdpKeys pinned(X509Certificate certificate) {
        List<X509Certificate> keys = List.of(certificate);
        return new IdpKeys() {
            @Override
            public List<X509Certificate> current() {
                return keys;
            }

            @Override
            public List<X509Certificate> refreshed() {
                return keys;
            }
        };
    }
}
