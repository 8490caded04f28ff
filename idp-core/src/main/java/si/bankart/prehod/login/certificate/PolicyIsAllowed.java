package si.bankart.prehod.login.certificate;

import java.util.List;
import java.util.Set;

/**
 * When an allow-list is configured, the client certificate carries at least one of its certificate policies
 * (RFC 5280 §4.2.1.4), e.g. only the bank's qualified or personal certificate classes. The policy is read from the
 * client certificate only; the sandbox and many bank CAs put no policies on CA certificates, so RFC 5280 §6.1
 * explicit-policy processing along the path would refuse every login.
 * <p>
 * Rejects with {@link CertificateRejection#POLICY_NOT_ALLOWED}.
 */
final class PolicyIsAllowed implements CertificateRule {

    private final List<String> allowed;

    PolicyIsAllowed(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public void check(ValidatedPath path) throws CertificateRefused {
        if (allowed.isEmpty()) {
            return;
        }
        Set<String> present = PolicyIdentifiers.of(path.leaf());
        if (present.stream().noneMatch(allowed::contains)) {
            throw new CertificateRefused(CertificateRejection.POLICY_NOT_ALLOWED,
                    "certificate policies " + present + " include none of " + allowed);
        }
    }
}
