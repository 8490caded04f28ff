package si.bankart.prehod.sandbox.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.cert.CertPath;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.PKIXRevocationChecker.Option;
import java.security.cert.CertPathBuilderException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo certificates judged by an independent party, the JDK's PKIX implementation with its own OCSP and CRL
 * clients talking to the sandbox over real HTTP, trusting the sandbox root only.
 */
class DemoCertificatePkixValidationTest {

    private static TestSandboxCa sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = TestSandboxCa.get();
    }

    @Test
    void validCertificateWhenCheckedByJdkOcspThenPathValidates() throws Exception {
        validate(DemoClient.VALID, EnumSet.of(Option.NO_FALLBACK));
    }

    @Test
    void revokedCertificateWhenCheckedByJdkOcspThenRejectedAsRevoked() {
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> validate(DemoClient.REVOKED, EnumSet.of(Option.NO_FALLBACK)));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
        assertEquals(0, e.getIndex(), "the leaf, not the issuing CA, is revoked");
    }

    @Test
    void validCertificateWhenCheckedByJdkCrlOnlyThenPathValidates() throws Exception {
        validate(DemoClient.VALID, EnumSet.of(Option.PREFER_CRLS, Option.NO_FALLBACK));
    }

    @Test
    void revokedCertificateWhenCheckedByJdkCrlOnlyThenRejectedAsRevoked() {
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> validate(DemoClient.REVOKED, EnumSet.of(Option.PREFER_CRLS, Option.NO_FALLBACK)));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
        assertEquals(0, e.getIndex());
    }

    @Test
    void validCertificateWhenOcspResponderDownThenJdkFailsHard() {
        sandbox.faults.ocspDown(true);
        try {
            CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                    () -> validate(DemoClient.VALID, EnumSet.of(Option.NO_FALLBACK)));
            assertEquals(CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS, e.getReason());
        } finally {
            sandbox.faults.ocspDown(false);
        }
    }

    @Test
    void responsesSignedDirectlyByTheIssuingCaThenJdkAcceptsThemToo() throws Exception {
        RevocationHandler delegated = sandbox.ca.revocationHandler(sandbox.faults);
        sandbox.server.serve(new RevocationHandler(sandbox.ca,
                sandbox.ca.ocspResponder(OcspSigning.DIRECT, SandboxCa.DEFAULT_OCSP_VALIDITY), sandbox.faults));
        try {
            validate(DemoClient.VALID, EnumSet.of(Option.NO_FALLBACK));
            CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                    () -> validate(DemoClient.REVOKED, EnumSet.of(Option.NO_FALLBACK)));
            assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
        } finally {
            sandbox.server.serve(delegated);
        }
    }

    @Test
    void expiredCertificateWhenValidatedNowThenRejectedAsExpired() {
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> validate(DemoClient.EXPIRED, EnumSet.of(Option.NO_FALLBACK)));
        assertEquals(CertPathValidatorException.BasicReason.EXPIRED, e.getReason());
        assertInstanceOf(CertificateExpiredException.class, e.getCause());
    }

    @Test
    void otherCaCertificateWhenBuildingPathToSandboxRootThenNoPathFound() throws Exception {
        DemoClientCertificate other = sandbox.ca.demoClient(DemoClient.OTHER_CA);
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(other.certificate());
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors(), target);
        parameters.setRevocationEnabled(false);
        // Offer the builder every CA certificate the sandbox has; it must still find no way to the sandbox root.
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(
                other.certificate(), sandbox.ca.otherIssuing().certificate(), sandbox.ca.otherRoot().certificate(),
                sandbox.ca.sandboxIssuing().certificate()))));
        assertThrows(CertPathBuilderException.class,
                () -> CertPathBuilder.getInstance("PKIX").build(parameters));
    }

    @Test
    void otherCaCertificateWhenValidatedWithItsOwnChainThenRejectedAtTheTrustAnchor() {
        CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                () -> validate(DemoClient.OTHER_CA, EnumSet.of(Option.NO_FALLBACK)));
        assertEquals(PKIXReason.NO_TRUST_ANCHOR, e.getReason());
    }

    private static void validate(DemoClient kind, Set<Option> options) throws Exception {
        IssuedCertificate credential = sandbox.ca.demoClientCredential(kind);
        List<X509Certificate> chain = credential.chain();
        // The path handed to a validator excludes the trust anchor (RFC 5280 §6.1).
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, chain.size() - 1));
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        revocation.setOptions(options);
        PKIXParameters parameters = new PKIXParameters(trustAnchors());
        parameters.setDate(Date.from(sandbox.clock.instant()));
        parameters.addCertPathChecker(revocation);
        validator.validate(path, parameters);
    }

    private static Set<TrustAnchor> trustAnchors() {
        return Set.of(new TrustAnchor(sandbox.ca.sandboxRoot().certificate(), null));
    }
}
