package si.bankart.prehod.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import si.bankart.prehod.loa.LevelOfAssurance;

/**
 * What SSO counts and times. Every label value is bounded: {@code sp} is an entity ID from our metadata (or
 * {@code unknown} for a request we could not trust), {@code status} a SAML status name, page name or {@code success},
 * {@code method} a configured login method, {@code result} and {@code reason} closed lists. No user ID, no URL.
 */
public final class SsoMetrics {

    /** The label for an SP we do not know: an untrusted issuer must not create a time series of its own. */
    public static final String UNKNOWN_SP = "unknown";
    public static final String NO_REASON = "none";

    private final MeterRegistry registry;

    public SsoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts nothing anywhere (unit tests of the flow that do not look at metrics). */
    public static SsoMetrics none() {
        return new SsoMetrics(new CompositeMeterRegistry());
    }

    /** A Response (or an error page instead of one) went out for {@code sp}. */
    public void response(String sp, String status) {
        Counter.builder("prehod.sso.responses").description("SSO answers by SP and SAML status")
                .tag("sp", sp == null ? UNKNOWN_SP : sp).tag("status", status).register(registry).increment();
    }

    /** A login method's verdict reached the SSO flow: success, failed or refused, with a bounded reason. */
    public void login(String method, String result, String reason, Duration took) {
        Counter.builder("prehod.logins").description("Logins by method, result and refusal reason")
                .tag("method", method).tag("result", result).tag("reason", reason).register(registry).increment();
        Timer.builder("prehod.login.duration").description("From the login prompt to the method's verdict")
                .tag("method", method).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(15)).register(registry).record(took);
    }

    /** An assertion was issued at this level. */
    public void loaIssued(String sp, LevelOfAssurance loa) {
        Counter.builder("prehod.loa.issued").description("Assertions issued by level of assurance")
                .tag("sp", sp).tag("loa", loa.id()).register(registry).increment();
    }

    /** Server time of one SSO step (an AuthnRequest answered or a login resumed), signing included. */
    public void ssoStep(String step, Duration took) {
        Timer.builder("prehod.sso.duration").description("Server time to answer an SSO request or finish a login")
                .tag("step", step).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry).record(took);
    }
}
