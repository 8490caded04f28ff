package si.bankart.prehod.login;

/**
 * A way to log in (Rekono, bank certificate) as a core object. The web layer only runs its browser round trip: it
 * extracts what the browser brought back (Rekono's callback parameters, the presented certificate chain) and hands
 * it to the method, which decides, writes its own audit events and answers with a {@link LoginResult.Authenticated}
 * or a refusal whose reason is a {@link Refusal} and whose {@link si.bankart.prehod.audit.Incident} is already logged; the web layer renders
 * that answer and decides nothing.
 * <p>
 * What the browser brings back differs per method (Rekono also knows an account linked to no bank user, or a cancel
 * at Rekono), so each method's decision is its own typed call; what every method shares is this description.
 */
public interface LoginMethod {

    MethodDescription description();
}
