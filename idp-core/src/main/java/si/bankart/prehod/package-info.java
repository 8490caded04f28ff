/**
 * Varni Prehod, a SAML 2.0 identity provider. Read the packages in the order of the flow, as {@link si.bankart.prehod.SsoFlow}
 * calls them: {@code request} (an AuthnRequest is validated rule by rule), {@code login} (the user is authenticated by a
 * method), {@code session} (the SSO session remembers who, how and where), {@code assertion} (who the user is, for this
 * SP), {@code response} (signed, optionally encrypted, and posted back). The rest supports them: {@code sp} (who may
 * ask), {@code loa} (how strong), {@code config}, {@code keys}, {@code directory}, {@code storage}, {@code audit},
 * {@code metadata}, {@code xml}.
 */
package si.bankart.prehod;
