package si.bankart.prehod.sandbox.rekono.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where the stand-in delivers the SMS texts and e-mails a real Rekono would send, so a person (on /outbox) or a test
 * (through {@link #messages()} or /outbox?format=json) can read the codes.
 */
public final class Outbox {

    private final Clock clock;
    private final List<OutboxMessage> messages = new ArrayList<>();

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public synchronized OutboxMessage send(OutboxMessage.Channel channel, String to, String subject, String body) {
        OutboxMessage message = new OutboxMessage(messages.size() + 1L, clock.instant(), channel, to, subject, body);
        messages.add(message);
        return message;
    }

    /** Every message, newest first. */
    public synchronized List<OutboxMessage> messages() {
        List<OutboxMessage> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /** The newest message to an address or mobile number. */
    public Optional<OutboxMessage> latestTo(String to) {
        return messages().stream().filter(m -> m.to().equalsIgnoreCase(to)).findFirst();
    }
}
