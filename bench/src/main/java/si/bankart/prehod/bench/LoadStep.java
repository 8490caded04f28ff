package si.bankart.prehod.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One step of a load scenario: {@code concurrency} workers, each a thread with its own client (and, for SSO with a
 * session, its own SSO session), run the {@link Journey} back to back with pre-generated unique AuthnRequests, closed
 * loop, for a warm-up and then a measured period. Only iterations that start in the measured period, end before it
 * ends and pass {@link SamlResponseCheck#quick} are counted; every {@code sampleEvery}-th of them is verified in full
 * afterwards.
 */
final class LoadStep {

    private LoadStep() {
    }

    /**
     * @param partMeanMillis mean time per counted iteration of the journey's {@link Journey#part()}
     */
    record Result(String scenario, int concurrency, double seconds, long ok, long failed, long errors,
            double throughputPerSecond, double p50Millis, double p90Millis, double p99Millis, double maxMillis,
            double meanMillis, double partMeanMillis, int samplesVerified, int samplesFailed, int requestsPrepared,
            long requestsMadeDuringRun, Map<String, Long> failureReasons) {
    }

    private static final class Worker {
        final Latencies latencies = new Latencies();
        final List<String[]> samples = new ArrayList<>();
        final Map<String, Long> failures = new LinkedHashMap<>();
        long ok;
        long failed;
        long errors;
        long madeDuringRun;
        long partNanos;
        long totalNanos;
    }

    /** Unique requests for one step, generated before it on every core. */
    static Journey.Prepared[] prepare(Journey journey, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> journey.prepare()).toArray(Journey.Prepared[]::new);
    }

    static Result run(Journey journey, int concurrency, Journey.Prepared[] pool, double warmupSeconds, double seconds,
            int sampleEvery) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Worker worker = new Worker();
            int index = w;
            workers.add(worker);
            threads.add(new Thread(() -> drive(journey, index, pool, next, start, measureFrom, end, sampleEvery, worker),
                    "bench-" + journey.name() + "-c" + concurrency + "-w" + w));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        Latencies all = Latencies.merge(workers.stream().map(w -> w.latencies).toList());
        long ok = workers.stream().mapToLong(w -> w.ok).sum();
        int verified = 0;
        int verifyFailed = 0;
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (Worker worker : workers) {
            worker.failures.forEach((k, v) -> reasons.merge(k, v, Long::sum));
            for (String[] sample : worker.samples) {
                try {
                    SamlResponseCheck.verify(sample[1], sample[0], journey.signer());
                    verified++;
                } catch (IllegalStateException e) {
                    verifyFailed++;
                    reasons.merge("sample verification: " + e.getMessage(), 1L, Long::sum);
                }
            }
        }
        double mean = ok == 0 ? Double.NaN : workers.stream().mapToLong(w -> w.totalNanos).sum() / 1e6 / ok;
        double partMean = ok == 0 ? Double.NaN : workers.stream().mapToLong(w -> w.partNanos).sum() / 1e6 / ok;
        return new Result(journey.name(), concurrency, seconds, ok,
                workers.stream().mapToLong(w -> w.failed).sum(), workers.stream().mapToLong(w -> w.errors).sum(),
                ok / seconds, all.percentileMillis(50), all.percentileMillis(90), all.percentileMillis(99),
                all.maxMillis(), mean, partMean, verified, verifyFailed, pool.length,
                workers.stream().mapToLong(w -> w.madeDuringRun).sum(), reasons);
    }

    private static void drive(Journey journey, int index, Journey.Prepared[] pool, AtomicInteger next, long start,
            long measureFrom, long end, int sampleEvery, Worker worker) {
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        while (true) {
            int taken = next.getAndIncrement();
            Journey.Prepared prepared;
            if (taken < pool.length) {
                prepared = pool[taken];
            } else {
                // The pool ran dry: make one here (costs client CPU, so it is counted and reported).
                prepared = journey.prepare();
                worker.madeDuringRun++;
            }
            Journey.Answer answer;
            long t0;
            try {
                journey.beforeIteration(index);
                t0 = System.nanoTime();
                if (t0 >= end) {
                    return;
                }
                answer = journey.perform(index, prepared);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                long failedAt = System.nanoTime();
                if (failedAt >= measureFrom && failedAt <= end) {
                    worker.errors++;
                    worker.failures.merge("exception: " + e.getClass().getSimpleName() + ": "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), 1L, Long::sum);
                }
                continue;
            }
            long t1 = System.nanoTime();
            if (t0 < measureFrom || t1 > end) {
                continue;
            }
            SamlResponseCheck.Checked checked = SamlResponseCheck.quick(answer.status(), answer.body(), prepared.id());
            if (checked.ok()) {
                worker.latencies.add(t1 - t0);
                worker.totalNanos += t1 - t0;
                worker.partNanos += answer.partNanos();
                if (worker.ok++ % sampleEvery == 0) {
                    worker.samples.add(new String[] {prepared.id(), checked.samlResponse()});
                }
            } else {
                worker.failed++;
                worker.failures.merge(checked.reason(), 1L, Long::sum);
            }
        }
    }
}
