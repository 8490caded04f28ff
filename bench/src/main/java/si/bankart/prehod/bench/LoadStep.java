package si.bankart.prehod.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One step of a load scenario: {@code concurrency} workers, each a thread with its own keep-alive HTTP/1.1 client
 * (and SSO session), send pre-generated unique AuthnRequests back to back, closed loop, for a warm-up and then a
 * measured period. Only responses that start in the measured period, end before it ends and pass
 * {@link SamlResponseCheck#quick} are counted; every {@code sampleEvery}-th of them is verified in full afterwards.
 */
final class LoadStep {

    private LoadStep() {
    }

    record Result(String scenario, int concurrency, double seconds, long ok, long failed, long errors,
            double throughputPerSecond, double p50Millis, double p90Millis, double p99Millis, double maxMillis,
            int samplesVerified, int samplesFailed, int requestsPrepared, long requestsMadeDuringRun,
            Map<String, Long> failureReasons) {
    }

    private static final class Worker {
        final Latencies latencies = new Latencies();
        final List<String[]> samples = new ArrayList<>();
        final Map<String, Long> failures = new LinkedHashMap<>();
        long ok;
        long failed;
        long errors;
        long madeDuringRun;
    }

    /** Unique requests for one step, generated before it on every core. */
    static Scenario.Prepared[] prepare(BenchIdp idp, Scenario scenario, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> scenario.prepare(idp)).toArray(Scenario.Prepared[]::new);
    }

    static Result run(BenchIdp idp, Scenario scenario, List<HttpClient> clients, int concurrency,
            Scenario.Prepared[] pool, double warmupSeconds, double seconds, int sampleEvery) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Worker worker = new Worker();
            HttpClient client = clients.get(w);
            workers.add(worker);
            threads.add(new Thread(() -> drive(idp, scenario, client, pool, next, start, measureFrom, end, sampleEvery,
                    worker), "bench-" + scenario.letter() + "-c" + concurrency + "-w" + w));
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
                    SamlResponseCheck.verify(sample[1], sample[0], idp.signingCredential());
                    verified++;
                } catch (IllegalStateException e) {
                    verifyFailed++;
                    reasons.merge("sample verification: " + e.getMessage(), 1L, Long::sum);
                }
            }
        }
        return new Result(scenario.letter(), concurrency, seconds, ok,
                workers.stream().mapToLong(w -> w.failed).sum(), workers.stream().mapToLong(w -> w.errors).sum(),
                ok / seconds, all.percentileMillis(50), all.percentileMillis(90), all.percentileMillis(99),
                all.maxMillis(), verified, verifyFailed, pool.length,
                workers.stream().mapToLong(w -> w.madeDuringRun).sum(), reasons);
    }

    private static void drive(BenchIdp idp, Scenario scenario, HttpClient client, Scenario.Prepared[] pool,
            AtomicInteger next, long start, long measureFrom, long end, int sampleEvery, Worker worker) {
        while (System.nanoTime() < start) {
            Thread.onSpinWait();
        }
        while (true) {
            int index = next.getAndIncrement();
            Scenario.Prepared prepared;
            if (index < pool.length) {
                prepared = pool[index];
            } else {
                // The pool ran dry: make one here (costs client CPU, so it is counted and reported).
                prepared = scenario.prepare(idp);
                worker.madeDuringRun++;
            }
            long t0 = System.nanoTime();
            if (t0 >= end) {
                return;
            }
            HttpResponse<String> response;
            try {
                response = client.send(scenario.request(idp, prepared), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (t0 >= measureFrom) {
                    worker.errors++;
                    worker.failures.merge("exception: " + e.getClass().getSimpleName(), 1L, Long::sum);
                }
                continue;
            }
            long t1 = System.nanoTime();
            if (t0 < measureFrom || t1 > end) {
                continue;
            }
            SamlResponseCheck.Checked checked = SamlResponseCheck.quick(response, prepared.id());
            if (checked.ok()) {
                worker.latencies.add(t1 - t0);
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
