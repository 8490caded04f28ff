package si.bankart.prehod.login.certificate;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * The first checks of a presented chain: a PKIX path (RFC 5280 §6.1) to a configured trust anchor, then validity
 * at the clock's time. Orders what the client sent (TLS 1.3, RFC 8446 §4.4.2, lets it send extra or unordered
 * certificates), adds configured intermediates, and runs the JDK's validator with revocation disabled there:
 * {@link RevocationCheck} does that step itself, to control hard-fail and caching.
 * <p>
 * Rejects with {@link CertificateRejection#UNKNOWN_ISSUER} when no path reaches an anchor (other CA, broken
 * signature, unrecognised critical extension), {@link CertificateRejection#EXPIRED} or
 * {@link CertificateRejection#NOT_YET_VALID} when the path is sound but a certificate of it is outside its
 * validity, and {@link CertificateRejection#WEAK_SIGNATURE} or {@link CertificateRejection#WEAK_KEY} when the
 * JDK's own algorithm constraints refuse it.
 */
final class PathToTrustAnchor {

    /** Longest path built: client certificate plus intermediates. Real bank hierarchies have one or two CAs. */
    static final int MAX_PATH_LENGTH = 6;
    /** Most certificates accepted from a client: a chain padded with thousands would cost a signature check each. */
    static final int MAX_PRESENTED = 10;

    private final TrustAnchors trust;
    private final Clock clock;

    PathToTrustAnchor(TrustAnchors trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    ValidatedPath validate(List<X509Certificate> presented) throws CertificateRefused {
        if (presented.size() > MAX_PRESENTED) {
            throw new CertificateRefused(CertificateRejection.UNKNOWN_ISSUER, "client sent " + presented.size()
                    + " certificates, more than " + MAX_PRESENTED);
        }
        List<X509Certificate> path = order(presented);
        Instant now = clock.instant();
        try {
            PKIXCertPathValidatorResult result = run(path, now);
            NamedTrustAnchor anchor = trust.find(result.getTrustAnchor().getTrustedCert())
                    .orElseThrow(() -> new IllegalStateException("validator returned an anchor we do not hold"));
            return new ValidatedPath(path, anchor);
        } catch (CertPathValidatorException e) {
            throw classify(path, now, e);
        }
    }

    /** The client certificate, then whichever presented or configured CA certificate issued the previous one. */
    private List<X509Certificate> order(List<X509Certificate> presented) {
        List<X509Certificate> pool = new ArrayList<>(presented.subList(1, presented.size()));
        pool.addAll(trust.intermediates());
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = presented.get(0);
        path.add(current);
        while (path.size() < MAX_PATH_LENGTH && !issuedByAnchor(current) && !selfIssued(current)) {
            Optional<X509Certificate> issuer = issuerIn(pool, current, path);
            if (issuer.isEmpty()) {
                break;
            }
            current = issuer.get();
            path.add(current);
        }
        return path;
    }

    private boolean issuedByAnchor(X509Certificate certificate) {
        return trust.anchors().stream().anyMatch(anchor -> signs(anchor.certificate(), certificate));
    }

    private static Optional<X509Certificate> issuerIn(List<X509Certificate> pool, X509Certificate certificate,
                                                      List<X509Certificate> path) {
        X500Principal issuerName = certificate.getIssuerX500Principal();
        Optional<X509Certificate> byName = Optional.empty();
        for (X509Certificate candidate : pool) {
            if (path.contains(candidate) || !candidate.getSubjectX500Principal().equals(issuerName)) {
                continue;
            }
            if (signs(candidate, certificate)) {
                return Optional.of(candidate);
            }
            byName = byName.or(() -> Optional.of(candidate));
        }
        // A name match whose key does not verify still goes in: PKIX then reports the broken signature.
        return byName;
    }

    private static boolean signs(X509Certificate issuer, X509Certificate certificate) {
        if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private PKIXCertPathValidatorResult run(List<X509Certificate> path, Instant at) throws CertPathValidatorException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust.pkixAnchors());
            // RFC 5280 §6.1.1 (a) and (b): the path and the time of validation, which is the clock's, not the JVM's.
            parameters.setDate(Date.from(at));
            // Revocation is RevocationCheck's job (hard-fail by default, cached until nextUpdate).
            parameters.setRevocationEnabled(false);
            return (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw e;
        } catch (CertificateException | InvalidAlgorithmParameterException e) {
            throw new CertPathValidatorException("cannot build a certification path: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PKIX validator", e);
        }
    }

    /**
     * Validation time is checked after the path: an expired or not-yet-valid certificate is reported as such only
     * when the same path validates at an instant inside every certificate's validity; otherwise the path itself is
     * bad and the issuer unknown.
     */
    private CertificateRefused classify(List<X509Certificate> path, Instant now, CertPathValidatorException e) {
        String where = where(path, e.getIndex());
        if (e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID) {
            Optional<Instant> allValid = commonValidityInstant(path);
            if (allValid.isPresent()) {
                try {
                    run(path, allValid.get());
                    return new CertificateRefused(e.getReason() == BasicReason.EXPIRED
                            ? CertificateRejection.EXPIRED : CertificateRejection.NOT_YET_VALID,
                            where + " is outside its validity at " + now + ": " + e.getMessage());
                } catch (CertPathValidatorException notSound) {
                    return new CertificateRefused(CertificateRejection.UNKNOWN_ISSUER,
                            where(path, notSound.getIndex()) + ": " + notSound.getMessage());
                }
            }
            return new CertificateRefused(e.getReason() == BasicReason.EXPIRED
                    ? CertificateRejection.EXPIRED : CertificateRejection.NOT_YET_VALID, where + ": " + e.getMessage());
        }
        if (e.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
            // The JDK's jdk.certpath.disabledAlgorithms refused a key or signature algorithm (e.g. MD5, RSA < 1024).
            boolean weakKey = e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("key");
            return new CertificateRefused(weakKey ? CertificateRejection.WEAK_KEY : CertificateRejection.WEAK_SIGNATURE,
                    where + ": " + e.getMessage());
        }
        return new CertificateRefused(CertificateRejection.UNKNOWN_ISSUER,
                "no path to a trust anchor from " + subject(path.get(0)) + " (" + where + ": " + e.getMessage() + ")");
    }

    private static Optional<Instant> commonValidityInstant(List<X509Certificate> path) {
        Instant latestStart = Instant.MIN;
        Instant earliestEnd = Instant.MAX;
        for (X509Certificate certificate : path) {
            Instant start = certificate.getNotBefore().toInstant();
            Instant end = certificate.getNotAfter().toInstant();
            latestStart = start.isAfter(latestStart) ? start : latestStart;
            earliestEnd = end.isBefore(earliestEnd) ? end : earliestEnd;
        }
        return latestStart.isAfter(earliestEnd) ? Optional.empty() : Optional.of(latestStart);
    }

    private static String where(List<X509Certificate> path, int index) {
        if (index < 0 || index >= path.size()) {
            return "path";
        }
        return (index == 0 ? "client certificate " : "CA certificate ") + subject(path.get(index));
    }

    private static String subject(X509Certificate certificate) {
        return DistinguishedName.text(certificate.getSubjectX500Principal());
    }
}
