package si.bankart.prehod.login.certificate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers from a CRL (RFC 5280 §5) fetched from a URL and kept until its nextUpdate. A CRL is used only after the
 * checks of RFC 5280 §6.3.3: issued by the certificate's issuer (same name, signature verified with the issuer's
 * key, which must allow cRLSign), thisUpdate not in the future beyond the skew, no critical extension we do not
 * process (issuingDistributionPoint and delta CRLs, §5.2.4-5.2.5), and nextUpdate present and not passed: a stale
 * CRL never shows a certificate unrevoked (§6.3.3 (a)(2) asks for a fresh one), though it may still show it revoked.
 * Anything else is a {@link StatusUnavailable}.
 */
final class CrlSource {

    private static final int CRL_SIGN = 6;

    private final RevocationFetch fetch;
    private final RevocationConfig config;
    private final Clock clock;
    private final ExpiringCache<String, X509CRL> cache;

    CrlSource(RevocationFetch fetch, RevocationConfig config, Clock clock) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new ExpiringCache<>(config.cacheEntries());
    }

    /**
     * The status by the CRL at {@code url}: the kept one if still within its nextUpdate, else a fresh download
     * (a CRL is reissued on a schedule, so fetching it for every login would only add load and latency).
     */
    RevocationStatus ask(URI url, X509Certificate certificate, X509Certificate issuer) throws StatusUnavailable {
        Instant now = clock.instant();
        String key = url + " " + fingerprint(issuer);
        Optional<X509CRL> kept = cache.get(key, now);
        X509CRL crl;
        boolean fromCache = kept.isPresent();
        if (fromCache) {
            crl = kept.get();
        } else {
            crl = authentic(url, fetch.get(url, config.maxCrlBytes()), issuer, now);
            Optional<String> stale = staleness(crl, now);
            if (stale.isPresent()) {
                return revokedEvenIfStale(url, crl, certificate, stale.get());
            }
            cache.put(key, crl, crl.getNextUpdate().toInstant());
        }
        Optional<Instant> nextUpdate = Optional.of(crl.getNextUpdate().toInstant());
        String source = "CRL " + url + (fromCache ? " (kept)" : "") + " of " + crl.getThisUpdate().toInstant();
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null) {
            return new RevocationStatus.Revoked(nextUpdate, source + " lists it as revoked at "
                    + entry.getRevocationDate().toInstant()
                    + (entry.getRevocationReason() == null ? "" : ", reason " + entry.getRevocationReason()));
        }
        return new RevocationStatus.Good(nextUpdate, source + ": not listed");
    }

    private X509CRL authentic(URI url, byte[] der, X509Certificate issuer, Instant now) throws StatusUnavailable {
        String from = "CRL " + url + ": ";
        X509CRL crl;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new StatusUnavailable(from + "not a DER CRL");
        }
        if (crl == null) {
            throw new StatusUnavailable(from + "empty");
        }
        // RFC 5280 §6.3.3 (f): the CRL issuer is the certificate's issuer and its key verifies the CRL.
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new StatusUnavailable(from + "issued by " + DistinguishedName.text(crl.getIssuerX500Principal())
                    + ", not by " + DistinguishedName.text(issuer.getSubjectX500Principal()));
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= CRL_SIGN || !keyUsage[CRL_SIGN])) {
            throw new StatusUnavailable(from + "issuer key lacks cRLSign (RFC 5280 §4.2.1.3)");
        }
        Optional<String> broken = SignaturesAreStrong.broken(crl.getSigAlgOID(), crl.getSigAlgParams());
        if (broken.isPresent()) {
            throw new StatusUnavailable(from + "signed with " + broken.get());
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new StatusUnavailable(from + "signature does not verify with the issuer's key");
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null && !critical.isEmpty()) {
            throw new StatusUnavailable(from + "critical extensions " + critical + " are not processed");
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(config.clockSkew()))) {
            throw new StatusUnavailable(from + "thisUpdate " + thisUpdate + " is in the future");
        }
        return crl;
    }

    /**
     * Why an authentic CRL is not current, if it is not. RFC 5280 §5.1.2.5 requires nextUpdate of conforming CAs;
     * §6.3.3 (a)(2): once it has passed, the CRL cannot show a certificate unrevoked.
     */
    private static Optional<String> staleness(X509CRL crl, Instant now) {
        if (crl.getNextUpdate() == null) {
            return Optional.of("has no nextUpdate");
        }
        Instant nextUpdate = crl.getNextUpdate().toInstant();
        return now.isBefore(nextUpdate) ? Optional.empty()
                : Optional.of("stale: nextUpdate " + nextUpdate + " has passed");
    }

    /**
     * A stale CRL proves nothing good, but revocation is final (RFC 5280 §5.3.1: only certificateHold may be
     * undone), so an authentic stale CRL that lists the certificate still refuses it, also under soft-fail.
     */
    private static RevocationStatus revokedEvenIfStale(URI url, X509CRL crl, X509Certificate certificate,
                                                        String staleness) throws StatusUnavailable {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null && entry.getRevocationReason() != CRLReason.CERTIFICATE_HOLD) {
            return new RevocationStatus.Revoked(Optional.empty(), "CRL " + url + " (" + staleness
                    + ") lists it as revoked at " + entry.getRevocationDate().toInstant());
        }
        throw new StatusUnavailable("CRL " + url + ": " + staleness);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
