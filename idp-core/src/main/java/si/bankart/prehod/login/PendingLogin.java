package si.bankart.prehod.login;

import java.time.Instant;

import si.bankart.prehod.request.SsoRequest;

/** A validated request waiting while the user logs in: single use, expiring. */
public record PendingLogin(String key, SsoRequest request, Instant expires) {
}
