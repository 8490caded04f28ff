package si.bankart.prehod.login;

/**
 * A way to log in (Rekono, bank certificate) as a core object. The web layer only runs its browser round trip: it
 * extracts what the browser brought back, {@code F}, and hands it to {@link #decide}; the method decides, writes its
 * own audit events, and answers with its outcome {@code O}: a {@link LoginResult.Authenticated}, or a {@link Refusal}
 * reason with the {@link si.bankart.prehod.audit.Incident} it was logged under, or what else only that method knows
 * (Rekono: an account linked to no bank user, a cancel at Rekono). The web layer renders the answer and decides
 * nothing. What every method also has is its description, for the method choice.
 *
 * @param <F> the facts the web layer extracted (the presented certificate chain, the callback's parameters)
 * @param <O> the method's own outcome type, each case of which the web layer renders
 */
public interface LoginMethod<F, O> {

    MethodDescription description();

    /** @param client the browser's address, for the audit trail */
    O decide(F facts, String client);
}
