/**
 * The six demo portals of the sandbox (Acquiring, B2B, BIPS, BWS, CMS web, Bankomati/ESQ) as SAML service providers on
 * one HTTPS port, one path each. Read in the order a login travels: {@link si.bankart.prehod.sandbox.portals.LoginStart}
 * builds and signs the AuthnRequest ({@link si.bankart.prehod.sandbox.portals.AuthnRequestBuilder},
 * {@link si.bankart.prehod.sandbox.portals.RedirectBindingSender}), the IdP answers at
 * {@link si.bankart.prehod.sandbox.portals.AssertionConsumer}, which lets
 * {@link si.bankart.prehod.sandbox.portals.ResponseValidator} judge the Response before a
 * {@link si.bankart.prehod.sandbox.portals.PortalSession} exists. Single logout: the logout button is
 * {@link si.bankart.prehod.sandbox.portals.LogoutStart} ({@link si.bankart.prehod.sandbox.portals.LogoutRequestBuilder}),
 * and the portal's SingleLogoutService {@link si.bankart.prehod.sandbox.portals.SloEndpoint} lets
 * {@link si.bankart.prehod.sandbox.portals.IdpLogoutRequestHandler} carry out the IdP's LogoutRequests and
 * {@link si.bankart.prehod.sandbox.portals.LogoutResponseVerifier} judge the IdP's answers, both after
 * {@link si.bankart.prehod.sandbox.portals.IdpMessageChecks}. {@link si.bankart.prehod.sandbox.portals.DemoPortals}
 * wires it all on Jetty. They are demo SPs: sessions live in memory, and nothing here is meant for a real portal.
 */
package si.bankart.prehod.sandbox.portals;
