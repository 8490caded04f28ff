package si.bankart.prehod.sandbox.rekono.outbox;

import java.time.Instant;

/** One SMS or e-mail the stand-in "sent"; {@code subject} is empty for SMS. */
public record OutboxMessage(long id, Instant sentAt, Channel channel, String to, String subject, String body) {

    public enum Channel { SMS, EMAIL }
}
