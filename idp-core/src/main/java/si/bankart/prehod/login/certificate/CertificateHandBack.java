package si.bankart.prehod.login.certificate;

import java.time.Instant;

import si.bankart.prehod.login.LoginResult;

/**
 * A certificate the certificate host verified, waiting for the browser to bring it back to the main host, where the
 * login-binding cookie is checked before the SAML flow resumes.
 *
 * @param link whether the certificate links a Rekono account waiting in that browser ({@code &link=1})
 */
public record CertificateHandBack(String pendingLoginKey, LoginResult.Authenticated result, boolean link,
        Instant expires) {
}
