package si.bankart.prehod.bench;

import org.opensaml.security.credential.Credential;

/**
 * What one iteration of a load step does, from a unique AuthnRequest to the signed SAMLResponse that answers it: one
 * request for SSO with a session, a whole login (several requests, a new TLS handshake) for (c) and (d).
 */
interface Journey {

    /** The scenario's letter in the results: a, b, c, d, or a-keycloak. */
    String name();

    String title();

    /** One unique AuthnRequest, issued now; made before the step, on all cores. */
    Prepared prepare();

    /**
     * Called by the worker before each iteration, outside the timed part: (d) reserves a Rekono account whose
     * one-time code is still unused in this step, and may wait for the next step.
     */
    default void beforeIteration(int worker) throws InterruptedException {
    }

    /** Runs the iteration as worker {@code worker} (each worker has its own client and session); the final page. */
    Answer perform(int worker, Prepared prepared) throws Exception;

    /** The certificate a sampled response must verify with. */
    Credential signer();

    /** A unique AuthnRequest: its ID, and what is sent (a URL or a form body). */
    record Prepared(String id, String payload) {
    }

    /** What {@link Answer#partNanos} measures, or null when it is the whole iteration. */
    default String part() {
        return null;
    }

    /**
     * The page that should carry the SAMLResponse, the time of the journey's {@link #part()}, and the cookies its last
     * answer set where the journey reads them (the certificate connector's).
     */
    record Answer(int status, String body, long partNanos, java.util.List<String> cookies) {
        Answer(int status, String body, long partNanos) {
            this(status, body, partNanos, java.util.List.of());
        }
    }
}
