/**
 * The sandbox certification authority: what plays the bank's ACNLB CA on localhost, for the TLS certificates of
 * every sandbox server and the client certificates of certificate login.
 * <p>
 * {@link si.bankart.prehod.sandbox.ca.SandboxCa#openOrCreate} creates or reuses the CAs in a directory (the launcher
 * passes var/sandbox/ca/; see {@link si.bankart.prehod.sandbox.ca.CaDirectory} for the files).
 * {@link si.bankart.prehod.sandbox.ca.RevocationHandler} serves their CRLs and OCSP on plain HTTP (127.0.0.1:8580 in
 * the embedded default; the connector needs {@link si.bankart.prehod.sandbox.ca.RevocationHandler#URI_COMPLIANCE}),
 * with switches to simulate outages. {@link si.bankart.prehod.sandbox.ca.EndEntityCertificateBuilder} issues the
 * deliberately bad certificates that certificate-login tests present.
 * <p>
 * Decisions: one OCSP URL for all CAs (the responder picks the CA from the CertID); roots answer OCSP themselves,
 * issuing CAs through a delegated responder by default; "good" means "not revoked", as with any CRL-backed
 * responder; every PKCS#12 file uses the fixed password {@code sandbox}, printed by the launcher, because these keys
 * protect nothing real. Nothing here may ever hold a key that is not sandbox material.
 */
package si.bankart.prehod.sandbox.ca;
