/**
 * Login with Rekono: the IdP as an OpenID Connect relying party (authorization code flow with PKCE), carrying Rekono's
 * {@code acr} into our level of assurance. The web layer calls {@link si.bankart.prehod.login.rekono.RekonoBroker}
 * twice with plain values: {@code start(…)} gives the authorization URL and a browser-binding cookie value;
 * {@code callback(…)} gives a {@link si.bankart.prehod.login.rekono.RekonoOutcome} (Authenticated, Unlinked,
 * Cancelled, or Rejected with a {@link si.bankart.prehod.login.rekono.RejectionReason}, which is a
 * {@link si.bankart.prehod.login.Refusal}, and the incident it was logged and audited under).
 *
 * <p>Read in the order of a login: {@code RekonoConfig} (conf/rekono.yaml), {@code RekonoAuthorizationRequest} and
 * {@code RekonoLoginState} (what start sends and remembers), {@code StartedLogins} with {@code login.LoginBinding} (the
 * callback's state: once, in time, same browser), {@code AuthorizationResponseCheck} (code, cancel or error), then the
 * back channel: {@code CodeExchange} with {@code TokenEndpointAuthentication}, {@code IdTokenCheck} with
 * {@code ProviderKeys} and {@code AcrToLoa}, {@code UserInfoClaims}; finally {@code RekonoAccounts} (which bank user).
 * Under all of them {@code ProviderConnection} (TLS from the trust store, one deadline, size cap) and
 * {@code ProviderMetadataCache} (discovery).
 */
package si.bankart.prehod.login.rekono;
