package si.bankart.prehod.sandbox.rekono.factor;

import java.time.Instant;

/** One push notification asking the account holder's phone to approve a login. */
public record PushRequest(String id, String accountSub, String email, String clientName, Instant created,
        Instant expires, Status status) {

    public enum Status { PENDING, APPROVED, DENIED, EXPIRED }

    PushRequest decided(Status decision) {
        return new PushRequest(id, accountSub, email, clientName, created, expires, decision);
    }
}
