package dev.tether.session;

import java.time.Duration;

/** Timeouts as nanoseconds for deadline arithmetic on {@link System#nanoTime()}. */
public final class Nanos {

    /** The longest timeout kept: a quarter of {@code long}'s range, 73 years, so that no deadline overflows. */
    static final long MAX = Long.MAX_VALUE / 4;

    private Nanos() {
    }

    /**
     * {@code timeout} in nanoseconds, at most {@link #MAX}: a timeout of centuries means almost forever, not
     * the {@link ArithmeticException} of {@link Duration#toNanos()} beyond 292 years.
     */
    public static long bounded(Duration timeout) {
        return timeout.compareTo(Duration.ofNanos(MAX)) > 0 ? MAX : timeout.toNanos();
    }
}
