/**
 * Single logout (SAML profiles §4.4), binding-neutral like {@code request/}. An SP's LogoutRequest is checked by
 * {@link si.bankart.prehod.logout.LogoutRequestValidator} (rules in {@code rule/}, in spec order);
 * {@link si.bankart.prehod.logout.LogoutPlanner} lists the other SPs of the session and builds their LogoutRequests;
 * {@link si.bankart.prehod.logout.LogoutProgress}, kept by {@link si.bankart.prehod.logout.LogoutProgressStore}
 * between browser round trips, records each SP's answer as judged by
 * {@link si.bankart.prehod.logout.LogoutResponseCheck}; {@link si.bankart.prehod.logout.LogoutResponseBuilder}
 * answers the initiating SP with Success or PartialLogout.
 */
package si.bankart.prehod.logout;
