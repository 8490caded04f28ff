package si.bankart.prehod.config;

/** The IdP's paths, in one table (shared/DESIGN.md, "Endpoints"). */
public final class Paths {

    public static final String METADATA = "/idp/metadata";
    public static final String SSO_REDIRECT = "/idp/profile/SAML2/Redirect/SSO";
    public static final String SSO_POST = "/idp/profile/SAML2/POST/SSO";
    public static final String SLO_REDIRECT = "/idp/profile/SAML2/Redirect/SLO";
    public static final String SLO_POST = "/idp/profile/SAML2/POST/SLO";
    public static final String LOGOUT = "/idp/profile/Logout";
    public static final String LOGOUT_UPSTREAM_DONE = "/idp/profile/Logout/rekono-done";
    public static final String SSO_UNSOLICITED = "/idp/profile/SAML2/Unsolicited/SSO";
    public static final String LOGIN = "/idp/login";
    public static final String LOGIN_CANCEL = "/idp/login/cancel";
    public static final String STATUS = "/idp/status";
    public static final String ERROR = "/idp/error";
    public static final String STATIC = "/idp/static/*";

    // On the management connector only.
    public static final String METRICS = "/metrics";
    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";

    private Paths() {
    }
}
