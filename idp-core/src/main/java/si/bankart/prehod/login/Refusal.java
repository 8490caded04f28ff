package si.bankart.prehod.login;

import java.util.Optional;

import si.bankart.prehod.protocol.SamlStatus;

/**
 * Why a login method refused, in the one model every method's reasons share (Rekono's
 * {@link si.bankart.prehod.login.rekono.RejectionReason}, the certificate's
 * {@link si.bankart.prehod.login.certificate.CertificateRejection}): the page that explains it, and the SAML status
 * the portal is answered with, if it may be answered now. The web layer renders from this alone.
 */
public interface Refusal {

    /** The reason's code, for the log and the audit trail. */
    String name();

    /** The message key of the page that explains this to the user (error.{page}.title / .text). */
    String page();

    /**
     * The status to answer the portal with; empty when the portal is not answered now, because the browser is not
     * trusted to complete the login or because the user may still choose another method.
     */
    Optional<SamlStatus> samlStatus();

    /** Whether the portal is answered now (with {@link #samlStatus()}) instead of the user seeing {@link #page()}. */
    default boolean answersSp() {
        return samlStatus().isPresent();
    }

    /**
     * Whether the method's level fell short of what the portal needs: the method choice explains it and offers the
     * others, and only its button tells the portal NoAuthnContext.
     */
    default boolean fellShortOfLevel() {
        return samlStatus().equals(Optional.of(SamlStatus.REQUESTER_NO_AUTHN_CONTEXT));
    }

    /** Whether the page offers the same method again (labelled error.{page}.again), e.g. once a smart card is in. */
    default boolean offersMethodAgain() {
        return false;
    }
}
