package si.bankart.prehod.logout;

import java.util.List;

/**
 * Whom single logout must reach, in order: every SP of the session except the initiator (SAML core §3.7.3.2).
 *
 * @param frontChannel SPs reached through the browser, one after another (HTTP-Redirect or HTTP-POST), in the order
 *                     they joined the session
 * @param backChannel  SPs that offer only a SOAP SingleLogoutService, for the IdP to call directly
 * @param withoutSlo   entity IDs of SPs that have no SingleLogoutService at all: they cannot be told, so the logout is
 *                     partial for them and the user must be told so
 */
public record LogoutPlan(List<PlannedLogout> frontChannel, List<PlannedLogout> backChannel, List<String> withoutSlo) {

    public LogoutPlan {
        frontChannel = List.copyOf(frontChannel);
        backChannel = List.copyOf(backChannel);
        withoutSlo = List.copyOf(withoutSlo);
    }
}
