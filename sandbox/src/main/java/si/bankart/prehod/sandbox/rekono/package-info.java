/**
 * The Rekono stand-in: a real OpenID Connect provider on localhost that looks and behaves like Rekono, the Slovenian
 * e-identity service (MITREid Connect under /openid-connect-server-webapp/), so the IdP can be developed, clicked
 * through and tested end to end without the real one.
 *
 * <p>Read the flow top to bottom:
 * <ol>
 *   <li>{@code oidc.AuthorizeEndpoint} checks the request (client, exact redirect_uri, code flow, PKCE S256), answers
 *       from the OP session if it suffices, or opens a {@code login.LoginTransaction};</li>
 *   <li>{@code login.LoginPage} ("Prijava") checks e-mail and password ({@code account.PasswordLogin}, with lockout),
 *       or {@code login.RegistrationPage} creates a level-1 account ("Ustvari račun");</li>
 *   <li>{@code login.ConfirmationPage} ("Potrditev prijave") offers the second factors ({@code factor.Factor}) the
 *       account's trust level allows and that reach the requested acr: SMS, Enkratno geslo (TOTP), Potisno obvestilo
 *       (push, answered on /device), Digitalno potrdilo (TLS client certificate on the second port);</li>
 *   <li>{@code login.LoginCompletion} starts the OP session and sends the browser back with a code;</li>
 *   <li>{@code oidc.TokenEndpoint} redeems the code for a signed ID token ({@code oidc.IdTokenIssuer}) and an access
 *       token for {@code oidc.UserInfoEndpoint}; {@code oidc.EndSessionEndpoint} logs out.</li>
 * </ol>
 * SMS texts and e-mails go to {@code outbox.Outbox} (page /outbox).
 * {@link si.bankart.prehod.sandbox.rekono.RekonoStandIn} wires it all with plain constructors.
 */
package si.bankart.prehod.sandbox.rekono;
