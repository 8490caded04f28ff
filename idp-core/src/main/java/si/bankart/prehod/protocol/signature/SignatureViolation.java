package si.bankart.prehod.protocol.signature;

import si.bankart.prehod.protocol.SamlStatus;

/**
 * Why a signature was refused, each with the SAML status a caller may answer with (when it may answer at all). Every
 * refusal is RequestDenied: SAML core §3.2.2.2 names it for "concern about the security context of the request
 * message", which is what each of these is; a refused algorithm is not "unsupported" request content.
 */
public enum SignatureViolation {
    /** A signature was required (or only a signed message is meaningful here) and there is none. */
    NOT_SIGNED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** The Redirect binding signs the query string (SAML bindings §3.4.4.1); an XML signature there is a second reading. */
    XML_SIGNATURE_IN_QUERY_BINDING(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** The ds:Signature is not a child of the element it signs. */
    NOT_ENVELOPED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** SignedInfo holds other than exactly one Reference (SAML core §5.4.2). */
    NOT_ONE_REFERENCE(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** The Reference does not point at the signed element's own ID, or that ID is missing or not unique. */
    REFERENCE_NOT_TO_SIGNED_ELEMENT(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** A transform other than enveloped-signature and exclusive c14n without comments (SAML core §5.4.4). */
    TRANSFORM_NOT_ALLOWED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** CanonicalizationMethod is not exclusive c14n without comments (SAML core §5.4.3). */
    CANONICALIZATION_NOT_ALLOWED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** SignatureMethod or SigAlg outside {@link AllowedAlgorithms}. */
    SIGNATURE_ALGORITHM_NOT_ALLOWED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** DigestMethod outside {@link AllowedAlgorithms}. */
    DIGEST_ALGORITHM_NOT_ALLOWED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** A ds:Object (and so possibly a Manifest with references of its own) inside the signature. */
    OBJECT_NOT_ALLOWED(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** A SignatureValue or DigestValue that is not base64 (Santuario would throw rather than answer "invalid"). */
    VALUE_NOT_BASE64(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** The signer's metadata has no signing key, so nothing can verify. */
    NO_TRUSTED_KEY(SamlStatus.REQUESTER_REQUEST_DENIED),
    /** The signature is well formed but verifies with none of the trusted keys (wrong key or altered content). */
    DOES_NOT_VERIFY(SamlStatus.REQUESTER_REQUEST_DENIED);

    private final SamlStatus status;

    SignatureViolation(SamlStatus status) {
        this.status = status;
    }

    public SamlStatus status() {
        return status;
    }
}
