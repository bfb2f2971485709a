package dev.tether.load.client;

/**
 * Latencies in nanoseconds with about 1% precision: 128 linear sub-buckets per power of two (the idea of
 * HdrHistogram, in a few lines). Not thread-safe: the load client's selector thread owns it; others read
 * {@link #copy()}s.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 44; // ~4.9 hours in ns: anything above is clamped

    private final long[] counts = new long[(MAX_EXPONENT - SUB_BITS + 2) * SUB];
    private long total;
    private long max;

    public void record(long nanos) {
        if (nanos < 0) nanos = 0;
        counts[index(nanos)]++;
        total++;
        if (nanos > max) max = nanos;
    }

    public long count() {
        return total;
    }

    public long max() {
        return max;
    }

    /** The value at {@code percentile} (0..100), in nanoseconds; 0 when empty. */
    public long percentile(double percentile) {
        if (total == 0) return 0;
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.min(valueOf(i), max);
        }
        return max;
    }

    public LatencyHistogram copy() {
        LatencyHistogram c = new LatencyHistogram();
        System.arraycopy(counts, 0, c.counts, 0, counts.length);
        c.total = total;
        c.max = max;
        return c;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        if (exponent > MAX_EXPONENT) return index((1L << (MAX_EXPONENT + 1)) - 1);
        int mantissa = (int) (v >>> (exponent - SUB_BITS)); // in [SUB, 2 * SUB)
        return (exponent - SUB_BITS + 1) * SUB + (mantissa - SUB);
    }

    /** The middle of bucket {@code i}. */
    static long valueOf(int i) {
        if (i < SUB) return i;
        int exponent = i / SUB + SUB_BITS - 1;
        long mantissa = (i % SUB) + SUB;
        long low = mantissa << (exponent - SUB_BITS);
        long width = 1L << (exponent - SUB_BITS);
        return low + width / 2;
    }
}
