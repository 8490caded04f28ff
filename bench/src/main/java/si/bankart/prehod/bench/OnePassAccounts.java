package si.bankart.prehod.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Hands out the benchmark's Rekono accounts so that none is used twice in one 30-second TOTP step: the stand-in, as
 * RFC 6238 §5.2 asks, accepts an account's code once per step. When every account has logged in during the current
 * step, the caller waits for the next one; {@link #waitedMillis} says how long workers waited in all (that time is
 * outside the measured latency, but it lowers throughput: then the account count, not the IdP, is the limit).
 */
final class OnePassAccounts {

    record Reserved(BenchSandbox.RekonoAccount account, long step) {
    }

    private final List<BenchSandbox.RekonoAccount> accounts;
    private final long[] lastStep;
    private int next;
    private long waitedMillis;

    OnePassAccounts(List<BenchSandbox.RekonoAccount> accounts) {
        this.accounts = List.copyOf(accounts);
        this.lastStep = new long[accounts.size()];
        Arrays.fill(lastStep, -1);
    }

    synchronized Reserved reserve() throws InterruptedException {
        while (true) {
            long step = OnePassCode.stepAt(System.currentTimeMillis());
            for (int i = 0; i < accounts.size(); i++) {
                int candidate = (next + i) % accounts.size();
                if (lastStep[candidate] < step) {
                    lastStep[candidate] = step;
                    next = candidate + 1;
                    return new Reserved(accounts.get(candidate), step);
                }
            }
            long until = (step + 1) * OnePassCode.STEP_SECONDS * 1000;
            long t0 = System.currentTimeMillis();
            wait(Math.max(1, until - t0));
            waitedMillis += System.currentTimeMillis() - t0;
        }
    }

    synchronized long waitedMillis() {
        return waitedMillis;
    }

    synchronized void resetWaited() {
        waitedMillis = 0;
    }
}
