/**
 * Certificate login (issue 5): decides whether a bank client certificate logs a user in. The web layer extracts a
 * chain from the TLS connection or, through {@link si.bankart.prehod.login.certificate.TrustedProxyHeader}, from a
 * trusted proxy's header, and calls
 * {@link si.bankart.prehod.login.certificate.CertificateAuthentication#authenticate}, which asks
 * {@link si.bankart.prehod.login.certificate.ClientCertificateVerifier#verify} for a
 * {@link si.bankart.prehod.login.certificate.CertificateVerdict} (accepted with user, mapped value, LoA and revocation
 * evidence, or rejected with one {@link si.bankart.prehod.login.certificate.CertificateRejection} and a detail for
 * the log), writes the audit events and answers with a
 * {@link si.bankart.prehod.login.certificate.CertificateOutcome}: the login's result, or the refusal's reason and
 * incident.
 * <p>
 * Order of checks: {@code PathToTrustAnchor} (PKIX to conf/trust only, then validity at the injected clock),
 * {@code KeyUsageAllowsClientAuth}, {@code LeafIsNotCa}, {@code KeysAreStrong}, {@code SignaturesAreStrong},
 * {@code PolicyIsAllowed}, {@link si.bankart.prehod.login.certificate.RevocationCheck}, then
 * {@link si.bankart.prehod.login.certificate.CertificateToUser}; the LoA comes from {@code CertificateLoa}.
 * <p>
 * Decisions:
 * <ul>
 *   <li>Revocation is checked for every certificate of the path below the anchor, not only the client's, because a
 *       revoked issuing CA revokes everything under it (RFC 5280 §6.3). Hard-fail by default.</li>
 *   <li>OCSP is asked afresh at every login, so a revocation counts at once; a cached answer (until its nextUpdate)
 *       is used only when the responder fails. A CRL is reused until its nextUpdate, because it only changes on its
 *       CA's schedule. So one OCSP outage stops no login within the cache window, and no cache hides a revocation
 *       the responder already knows.</li>
 *   <li>OCSP answers must come from the issuing CA or its delegated responder (RFC 6960 §4.2.2.2); locally configured
 *       "trusted responders" are not supported. The delegated responder's own revocation is not checked (RFC 6960
 *       §4.2.2.2.1 id-pkix-ocsp-nocheck, which real and sandbox responders carry).</li>
 *   <li>A stale CRL never proves a certificate good, but an authentic one listing it (other than certificateHold)
 *       still proves it revoked, also under soft-fail: revocation is final.</li>
 *   <li>Absent keyUsage is refused (bank client certificates always carry it); anyExtendedKeyUsage alone is not
 *       clientAuth.</li>
 *   <li>The policy allow-list and policy LoA read the client certificate's certificatePolicies only; RFC 5280 §6.1
 *       explicit-policy processing along the path would refuse CA hierarchies without policies on their CAs.</li>
 *   <li>Distinguished names are written in RFC 2253 form with keywords for serialNumber and other bank attributes
 *       ({@code SERIALNUMBER=TINSI-12345678}), so users.yaml stays readable.</li>
 * </ul>
 */
package si.bankart.prehod.login.certificate;
