package si.bankart.prehod.protocol.signature;

/**
 * The HTTP-Redirect binding's signature (SAML bindings §3.4.4.1), as the query string carried it.
 *
 * @param signedContent the octets that were signed: "SAMLRequest=…&RelayState=…&SigAlg=…" exactly as received, still
 *                      URL-encoded
 */
public record QuerySignature(String sigAlg, byte[] signature, byte[] signedContent) {
}
