package si.bankart.prehod.login.certificate;

import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Establishes that no certificate of a validated path is revoked, hard-failing by default: a path whose status
 * cannot be proven is refused (RFC 5280 §6.3.3 (k): status "UNDETERMINED" is not "not revoked").
 * <p>
 * For each certificate below the anchor: OCSP first (RFC 6960; the configured responder, else the one in
 * authorityInfoAccess), asked afresh at every login so a revocation counts at once; if the responder gives no usable
 * answer, an earlier good or revoked response still within its nextUpdate; then the CRL (the configured URL, else
 * cRLDistributionPoints), kept until its nextUpdate. OCSP "unknown" proves nothing and falls through to the CRL.
 * <p>
 * Rejects with {@link CertificateRejection#REVOKED} as soon as any source says revoked, and with
 * {@link CertificateRejection#REVOCATION_UNAVAILABLE} when some certificate's status stays undetermined and
 * {@code revocation.softFail} is off; with it on, such a path passes with {@link RevocationEvidence.Source#SOFT_FAIL}.
 */
public final class RevocationCheck {

    private record OcspKey(X500Principal issuer, String issuerKey, BigInteger serial) {
    }

    private record Found(RevocationStatus status, RevocationEvidence.Source source) {
    }

    private final RevocationConfig config;
    private final Clock clock;
    private final OcspQuery ocsp;
    private final CrlSource crls;
    private final ExpiringCache<OcspKey, RevocationStatus> ocspAnswers;
    private final ExpiringCache<OcspKey, RevocationStatus> recentOcspAnswers;
    private final RevocationHistory history;

    public RevocationCheck(RevocationConfig config, Clock clock) {
        this(config, clock, new SecureRandom(), new RevocationHistory(new CompositeMeterRegistry(), clock));
    }

    /** @param history where each check is counted and the last one per issuer kept (readiness) */
    public RevocationCheck(RevocationConfig config, Clock clock, RevocationHistory history) {
        this(config, clock, new SecureRandom(), history);
    }

    RevocationCheck(RevocationConfig config, Clock clock, SecureRandom random) {
        this(config, clock, random, new RevocationHistory(new CompositeMeterRegistry(), clock));
    }

    RevocationCheck(RevocationConfig config, Clock clock, SecureRandom random, RevocationHistory history) {
        this.history = history;
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        RevocationFetch fetch = new RevocationFetch(config.timeout());
        this.ocsp = new OcspQuery(fetch, config, clock, random);
        this.crls = new CrlSource(fetch, config, clock);
        this.ocspAnswers = new ExpiringCache<>(config.cacheEntries());
        this.recentOcspAnswers = new ExpiringCache<>(config.cacheEntries());
    }

    RevocationEvidence check(ValidatedPath path) throws CertificateRefused {
        List<String> proven = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        RevocationEvidence.Source leafSource = null;
        for (int i = 0; i < path.certificates().size(); i++) {
            X509Certificate certificate = path.certificates().get(i);
            String who = (i == 0 ? "client certificate " : "CA ")
                    + DistinguishedName.text(certificate.getSubjectX500Principal());
            List<String> notes = new ArrayList<>();
            Optional<Found> found = status(certificate, path.issuerOf(i), notes);
            String issuer = DistinguishedName.text(path.issuerOf(i).getSubjectX500Principal());
            if (found.isEmpty()) {
                history.undetermined(issuer, String.join("; ", notes));
                undetermined.add(who + ": " + String.join("; ", notes));
                continue;
            }
            history.determined(issuer, found.get().source().name());
            if (found.get().status() instanceof RevocationStatus.Revoked revoked) {
                throw new CertificateRefused(CertificateRejection.REVOKED, who + ": " + revoked.detail());
            }
            proven.add(who + ": " + ((RevocationStatus.Good) found.get().status()).detail());
            if (i == 0) {
                leafSource = found.get().source();
            }
        }
        if (!undetermined.isEmpty()) {
            String detail = "status undetermined for " + String.join(" | ", undetermined);
            if (!config.softFail()) {
                throw new CertificateRefused(CertificateRejection.REVOCATION_UNAVAILABLE, detail);
            }
            return new RevocationEvidence(RevocationEvidence.Source.SOFT_FAIL, "revocation.softFail let through: " + detail);
        }
        return new RevocationEvidence(leafSource, String.join(" | ", proven));
    }

    /** Good or revoked as proven by some source, or empty with the reasons in {@code notes}. */
    private Optional<Found> status(X509Certificate certificate, X509Certificate issuer, List<String> notes) {
        OcspKey key = new OcspKey(issuer.getSubjectX500Principal(),
                HexFormat.of().formatHex(issuer.getPublicKey().getEncoded()), certificate.getSerialNumber());
        Optional<URI> responder = config.ocspResponder() != null ? Optional.of(config.ocspResponder())
                : RevocationPointers.ocsp(certificate).stream().findFirst();
        Optional<RevocationStatus> recent = recentOcspAnswers.get(key, clock.instant());
        if (recent.isPresent()) {
            history.counted(RevocationHistory.Source.CACHE, outcome(recent.get()));
            return Optional.of(new Found(recent.get(), RevocationEvidence.Source.OCSP_REUSED));
        }
        if (responder.isPresent()) {
            try {
                RevocationStatus answer = ocsp.ask(responder.get(), certificate, issuer);
                history.counted(RevocationHistory.Source.OCSP, outcome(answer));
                if (answer instanceof RevocationStatus.Unknown unknown) {
                    // The responder answered but does not vouch for the certificate: no earlier answer overrides that.
                    notes.add(unknown.detail());
                } else {
                    remember(key, answer);
                    return Optional.of(new Found(answer, RevocationEvidence.Source.OCSP));
                }
            } catch (StatusUnavailable e) {
                history.counted(RevocationHistory.Source.OCSP, RevocationHistory.Outcome.UNAVAILABLE);
                notes.add(e.getMessage());
                Optional<RevocationStatus> kept = ocspAnswers.get(key, clock.instant());
                if (kept.isPresent()) {
                    history.counted(RevocationHistory.Source.CACHE, outcome(kept.get()));
                    return Optional.of(new Found(kept.get(), RevocationEvidence.Source.OCSP_CACHED));
                }
            }
        } else {
            notes.add("no OCSP responder");
        }
        List<URI> crlUrls = configuredCrl(issuer).map(List::of).orElseGet(() -> RevocationPointers.crl(certificate));
        if (crlUrls.isEmpty()) {
            notes.add("no CRL distribution point");
        }
        for (URI url : crlUrls) {
            try {
                RevocationStatus listed = crls.ask(url, certificate, issuer);
                history.counted(RevocationHistory.Source.CRL, outcome(listed));
                return Optional.of(new Found(listed, RevocationEvidence.Source.CRL));
            } catch (StatusUnavailable e) {
                history.counted(RevocationHistory.Source.CRL, RevocationHistory.Outcome.UNAVAILABLE);
                notes.add(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps a definite OCSP answer until its nextUpdate, for when the responder fails; one without nextUpdate is not
     * kept (RFC 6960 §4.2.2.1). Within revocation.ocspReuse (and before nextUpdate) it also answers without asking.
     */
    private void remember(OcspKey key, RevocationStatus answer) {
        Optional<Instant> until = answer instanceof RevocationStatus.Good good ? good.validUntil()
                : ((RevocationStatus.Revoked) answer).validUntil();
        until.ifPresent(instant -> ocspAnswers.put(key, answer, instant));
        if (!config.ocspReuse().isZero()) {
            Instant reuseEnd = clock.instant().plus(config.ocspReuse());
            until.ifPresent(instant -> recentOcspAnswers.put(key, answer, instant.isBefore(reuseEnd) ? instant : reuseEnd));
        }
    }

    private static RevocationHistory.Outcome outcome(RevocationStatus status) {
        if (status instanceof RevocationStatus.Good) {
            return RevocationHistory.Outcome.GOOD;
        }
        return status instanceof RevocationStatus.Revoked ? RevocationHistory.Outcome.REVOKED
                : RevocationHistory.Outcome.UNKNOWN;
    }

    private Optional<URI> configuredCrl(X509Certificate issuer) {
        return config.crlUrls().entrySet().stream()
                .filter(entry -> {
                    try {
                        return new X500Principal(entry.getKey()).equals(issuer.getSubjectX500Principal());
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                })
                .map(Map.Entry::getValue).findFirst();
    }
}
