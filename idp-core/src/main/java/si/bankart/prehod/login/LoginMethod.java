package si.bankart.prehod.login;

/**
 * A way to log in (Rekono, bank certificate) as a core object. The web layer only runs its browser round trip: it
 * extracts what the browser brought back and hands it to the method, which decides, writes its own audit events,
 * and answers with a {@link LoginResult.Authenticated} or a refusal: a {@link Refusal} reason and the
 * {@link si.bankart.prehod.audit.Incident} it was logged under. The web layer renders that answer and decides nothing.
 * <p>
 * What comes back differs per method, so each decision is its own typed call: the certificate's
 * {@code CertificateAuthentication.authenticate(pending, chain, client)}, Rekono's
 * {@code RekonoBroker.callback(parameters, binding, client)} (which also knows an account linked to no bank user and
 * a cancel at Rekono). What every method shares is its description, for the method choice.
 */
public interface LoginMethod {

    MethodDescription description();
}
