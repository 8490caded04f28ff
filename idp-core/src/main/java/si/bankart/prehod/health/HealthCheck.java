package si.bankart.prehod.health;

/**
 * One readiness check an operator's load balancer relies on (signing keys, metadata, trust anchors, the upstream
 * provider, the session store). Each part of the IdP that can make it unfit to serve logins offers one.
 */
public interface HealthCheck {

    /** A short stable name, used as the JSON key and the metric label (e.g. {@code session-store}). */
    String name();

    /** Runs the check now; must not throw and should answer within a second. */
    HealthReport check();
}
