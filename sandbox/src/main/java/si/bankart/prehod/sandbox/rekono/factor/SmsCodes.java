package si.bankart.prehod.sandbox.rekono.factor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import si.bankart.prehod.sandbox.rekono.account.Account;
import si.bankart.prehod.sandbox.rekono.outbox.Outbox;
import si.bankart.prehod.sandbox.rekono.outbox.OutboxMessage;

/**
 * SMS confirmation codes: six random digits sent to the account's mobile, valid {@link #VALIDITY}, and spent after
 * {@value #TRIES} wrong guesses (a new code must then be requested). One code per login transaction.
 */
public final class SmsCodes {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int TRIES = 3;

    /** The result of checking a typed code. */
    public enum Check { ACCEPTED, WRONG, EXPIRED, NO_TRIES_LEFT, NOT_SENT }

    private record Sent(OneTimeCode code, Instant expires, int triesLeft) {}

    private final Clock clock;
    private final SecureRandom random;
    private final Outbox outbox;
    private final ConcurrentMap<String, Sent> byTransaction = new ConcurrentHashMap<>();

    public SmsCodes(Clock clock, SecureRandom random, Outbox outbox) {
        this.clock = clock;
        this.random = random;
        this.outbox = outbox;
    }

    /** Sends a new code for the transaction, replacing any earlier one. */
    public void send(String transactionId, Account account) {
        OneTimeCode code = OneTimeCode.random(random);
        byTransaction.put(transactionId, new Sent(code, clock.instant().plus(VALIDITY), TRIES));
        outbox.send(OutboxMessage.Channel.SMS, account.mobile().e164(), "",
                "Rekono: vasa koda za potrditev prijave je " + code + ". Velja " + VALIDITY.toMinutes()
                        + " minut. Kode ne posredujte nikomur.");
    }

    public int triesLeft(String transactionId) {
        Sent sent = byTransaction.get(transactionId);
        return sent == null ? 0 : sent.triesLeft();
    }

    public Check check(String transactionId, String typed) {
        Check[] result = {Check.NOT_SENT};
        byTransaction.computeIfPresent(transactionId, (k, sent) -> {
            if (sent.triesLeft() <= 0) {
                result[0] = Check.NO_TRIES_LEFT;
                return sent;
            }
            if (!clock.instant().isBefore(sent.expires())) {
                result[0] = Check.EXPIRED;
                return sent;
            }
            if (sent.code().matches(typed)) {
                result[0] = Check.ACCEPTED;
                return null;
            }
            int left = sent.triesLeft() - 1;
            result[0] = left == 0 ? Check.NO_TRIES_LEFT : Check.WRONG;
            return new Sent(sent.code(), sent.expires(), left);
        });
        return result[0];
    }
}
