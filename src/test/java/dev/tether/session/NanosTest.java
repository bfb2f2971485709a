package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timeouts of any length as nanoseconds that deadline arithmetic can add to {@code System.nanoTime()}. */
class NanosTest {

    @Test
    void ordinaryTimeoutsAreExact() {
        assertEquals(0, Nanos.bounded(Duration.ZERO));
        assertEquals(30_000_000_000L, Nanos.bounded(Duration.ofSeconds(30)));
        assertEquals(Nanos.MAX, Nanos.bounded(Duration.ofNanos(Nanos.MAX)));
    }

    @Test
    void centuriesAreCappedInsteadOfOverflowing() {
        assertEquals(Nanos.MAX, Nanos.bounded(Duration.ofDays(365L * 1000)));
        assertEquals(Nanos.MAX, Nanos.bounded(Duration.ofSeconds(Long.MAX_VALUE)));
        long deadline = System.nanoTime() + Nanos.bounded(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(true, deadline - System.nanoTime() > 0, "the deadline lies ahead");
    }
}
