package si.bankart.prehod.login;

import java.util.List;
import java.util.Optional;

import si.bankart.prehod.request.SsoRequest;
import si.bankart.prehod.session.SsoSession;
import si.bankart.prehod.sp.RelyingPartyPolicy;

/**
 * Whether this request needs a login, and if so what the user is offered: the browser's SSO session answers when
 * there is no ForceAuthn, its level is acceptable and its method is allowed for the portal; otherwise IsPassive
 * ends the request, and a login is offered by {@link MethodOffer}. The web layer only renders the outcome.
 */
public sealed interface MethodChoice {

    /** The session may answer without a new login. */
    record ServeFromSession(SsoSession session) implements MethodChoice {
    }

    /** No usable session and IsPassive: the portal hears NoPassive (SAML core §3.4.1). */
    record NoPassiveLogin() implements MethodChoice {
    }

    /** A login is needed; the method choice comes next. */
    record LoginNeeded() implements MethodChoice {
    }

    /** Straight to the only method: nothing to choose and nothing to explain. */
    record StartMethod(MethodDescription method) implements MethodChoice {
    }

    /**
     * The user chooses.
     *
     * @param stepUpFrom the session below the portal's level, to say why a new login is asked for
     * @param cancelled  the method the user just cancelled at, to say so
     */
    record Choose(MethodOffer offer, Optional<SsoSession> stepUpFrom, Optional<MethodDescription> cancelled)
            implements MethodChoice {
    }

    /**
     * No offered method reaches the level, or one just came back below it: the user reads why, may try the others,
     * and giving up tells the portal NoAuthnContext.
     *
     * @param shortfall the method that came back below the level, if that is why
     * @param remaining the offered methods other than the shortfall
     */
    record LevelUnreachable(MethodOffer offer, Optional<SsoSession> stepUpFrom, Optional<MethodDescription> shortfall,
            List<MethodDescription> remaining) implements MethodChoice {
    }

    /** When a request arrives: {@link ServeFromSession}, {@link NoPassiveLogin} or {@link LoginNeeded}. */
    static MethodChoice forRequest(SsoRequest request, Optional<SsoSession> session, RelyingPartyPolicy policy) {
        Optional<SsoSession> usable = session.filter(s -> !request.forceAuthn()
                && request.acceptableLoa().contains(s.loa()) && policy.allowsMethod(s.method()));
        if (usable.isPresent()) {
            return new ServeFromSession(usable.get());
        }
        return request.isPassive() ? new NoPassiveLogin() : new LoginNeeded();
    }

    /**
     * At the method choice: {@link StartMethod}, {@link Choose} or {@link LevelUnreachable}.
     *
     * @param shortfall id of a method that came back below the level, as the browser reported it (unchecked)
     * @param cancelled id of a method the user cancelled at, as the browser reported it (unchecked)
     */
    static MethodChoice forLogin(List<MethodDescription> methods, RelyingPartyPolicy policy, SsoRequest request,
            Optional<SsoSession> session, Optional<String> shortfall, Optional<String> cancelled) {
        MethodOffer offer = MethodOffer.of(methods, policy, request.acceptableLoa());
        Optional<SsoSession> stepUpFrom = session.filter(s -> !request.acceptableLoa().contains(s.loa()));
        Optional<MethodDescription> fellShort = offered(offer, shortfall);
        if (offer.unreachable() || fellShort.isPresent()) {
            return new LevelUnreachable(offer, stepUpFrom, fellShort,
                    offer.offered().stream().filter(m -> fellShort.map(s -> s != m).orElse(true)).toList());
        }
        Optional<MethodDescription> cancelledAt = offered(offer, cancelled);
        // After a cancel at a method, skipping to the only method would send the user straight back there.
        if (offer.only().isPresent() && cancelledAt.isEmpty() && offer.tooWeak().isEmpty()) {
            return new StartMethod(offer.only().get());
        }
        return new Choose(offer, stepUpFrom, cancelledAt);
    }

    /** Only a method that is offered counts: anything else the browser sends is ignored. */
    private static Optional<MethodDescription> offered(MethodOffer offer, Optional<String> id) {
        return id.flatMap(value -> offer.offered().stream().filter(m -> m.id().equals(value)).findFirst());
    }
}
