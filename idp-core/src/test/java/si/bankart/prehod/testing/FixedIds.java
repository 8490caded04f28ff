package si.bankart.prehod.testing;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

import si.bankart.prehod.storage.RandomIds;

/**
 * Predictable identifiers for tests (golden files, exact incident references): each kind counts up from 1, e.g.
 * {@code _id-1}, {@code token-1}, {@code TEST-0001}.
 */
public final class FixedIds extends RandomIds {

    private final AtomicInteger samlIds = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger incidents = new AtomicInteger();

    public FixedIds() {
        super(new SecureRandom());
    }

    @Override
    public String samlId() {
        return "_id-" + samlIds.incrementAndGet();
    }

    @Override
    public String token() {
        return "token-" + tokens.incrementAndGet();
    }

    @Override
    public String incident() {
        return String.format("TEST-%04d", incidents.incrementAndGet());
    }
}
