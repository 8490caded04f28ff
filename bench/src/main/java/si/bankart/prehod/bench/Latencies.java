package si.bankart.prehod.bench;

import java.util.Arrays;

/** Latencies of one worker in nanoseconds, merged after a step; exact percentiles from the sorted values. */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** Nearest-rank percentile in milliseconds of merged (sorted) values; NaN when empty. */
    double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return size == 0 ? Double.NaN : values[size - 1] / 1e6;
    }
}
