package si.bankart.prehod.login;

import java.time.Instant;

import si.bankart.prehod.request.SsoRequest;

/**
 * A validated request waiting while the user logs in: single use, expiring, and only for the browser whose
 * login-binding cookie hashes to {@code browserBindingHash} ({@link LoginBinding}).
 */
public record PendingLogin(String key, SsoRequest request, Instant expires, String browserBindingHash) {

    @Override
    public String toString() {
        return "PendingLogin[key=(hidden), sp=" + request.spEntityId() + ", expires=" + expires + "]";
    }
}
