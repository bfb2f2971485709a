package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timer wheel that runs the connections' heartbeats and idle timeouts: entries expire once, never
 * before their deadline; cancelled and rescheduled ones do not fire at the old time; deadlines further away
 * than one turn of the wheel wait their turn; and the wheel ticks only while entries wait.
 */
class TimerWheelTest {

    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final TimerWheel wheel;

    TimerWheelTest() {
        executor.setRemoveOnCancelPolicy(true);
        wheel = new TimerWheel(() -> executor, TICK, 8); // a turn is 8 ms: most deadlines here are several turns away
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Notes when it expired, and how often. */
    private static final class Probe extends TimerWheel.Entry {
        final List<Long> expiries = new CopyOnWriteArrayList<>();
        final CountDownLatch expired = new CountDownLatch(1);

        @Override
        void expired() {
            expiries.add(System.nanoTime());
            expired.countDown();
        }
    }

    @Test
    void anEntryExpiresOnceAndNotBeforeItsDeadline() throws Exception {
        Probe probe = new Probe();
        long start = System.nanoTime();
        wheel.schedule(probe, TimeUnit.MILLISECONDS.toNanos(30));
        assertTrue(probe.expired.await(10, TimeUnit.SECONDS));
        Thread.sleep(50);
        assertEquals(1, probe.expiries.size());
        assertTrue(probe.expiries.get(0) - start >= TimeUnit.MILLISECONDS.toNanos(30),
                "expired after " + (probe.expiries.get(0) - start) / 1000 + " µs");
        assertFalse(probe.isScheduled());
    }

    @Test
    void aDeadlineBeyondLongsRangeMeansNeverRatherThanAnOverflowIntoThePast() throws Exception {
        Probe never = new Probe();
        Probe witness = new Probe();
        wheel.schedule(never, Long.MAX_VALUE); // a 1000-year ping interval comes here saturated
        wheel.schedule(witness, TimeUnit.MILLISECONDS.toNanos(40));
        assertTrue(witness.expired.await(10, TimeUnit.SECONDS));
        Thread.sleep(20);
        assertEquals(List.of(), never.expiries);
        assertTrue(never.isScheduled());
    }

    @Test
    void aCancelledEntryNeverExpires() throws Exception {
        Probe cancelled = new Probe();
        Probe witness = new Probe();
        wheel.schedule(cancelled, TimeUnit.MILLISECONDS.toNanos(20));
        wheel.schedule(witness, TimeUnit.MILLISECONDS.toNanos(40));
        wheel.cancel(cancelled);
        assertFalse(cancelled.isScheduled());
        assertTrue(witness.expired.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(), cancelled.expiries);
    }

    @Test
    void reschedulingReplacesTheDeadline() throws Exception {
        Probe probe = new Probe();
        long start = System.nanoTime();
        wheel.schedule(probe, TimeUnit.MILLISECONDS.toNanos(10));
        wheel.schedule(probe, TimeUnit.MILLISECONDS.toNanos(60));
        assertEquals(1, wheel.size());
        assertTrue(probe.expired.await(10, TimeUnit.SECONDS));
        Thread.sleep(30);
        assertEquals(1, probe.expiries.size());
        assertTrue(probe.expiries.get(0) - start >= TimeUnit.MILLISECONDS.toNanos(60));
    }

    @Test
    void anEntryMayRescheduleItselfWhenItExpires() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch fiveRounds = new CountDownLatch(5);
        TimerWheel.Entry periodic = new TimerWheel.Entry() {
            @Override
            void expired() {
                rounds.incrementAndGet();
                fiveRounds.countDown();
                if (rounds.get() < 5) wheel.schedule(this, TimeUnit.MILLISECONDS.toNanos(3));
            }
        };
        wheel.schedule(periodic, TimeUnit.MILLISECONDS.toNanos(3));
        assertTrue(fiveRounds.await(10, TimeUnit.SECONDS));
        Thread.sleep(30);
        assertEquals(5, rounds.get());
    }

    @Test
    void manyEntriesAmongCancellationsEachExpireOnce() throws Exception {
        List<Probe> kept = new ArrayList<>();
        List<Probe> cancelled = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Probe p = new Probe();
            wheel.schedule(p, TimeUnit.MILLISECONDS.toNanos(5 + i % 50));
            (i % 2 == 0 ? kept : cancelled).add(p);
        }
        for (Probe p : cancelled) wheel.cancel(p);
        for (Probe p : kept) assertTrue(p.expired.await(10, TimeUnit.SECONDS));
        Thread.sleep(30);
        for (Probe p : kept) assertEquals(1, p.expiries.size());
        for (Probe p : cancelled) assertEquals(0, p.expiries.size());
        assertEquals(0, wheel.size());
    }

    @Test
    void theWheelTicksOnlyWhileEntriesWait() throws Exception {
        assertTrue(executor.getQueue().isEmpty());
        Probe probe = new Probe();
        wheel.schedule(probe, TimeUnit.MILLISECONDS.toNanos(5));
        assertEquals(1, executor.getQueue().size(), "one tick task for the wheel");
        assertTrue(probe.expired.await(10, TimeUnit.SECONDS));
        assertTrue(eventually(() -> executor.getQueue().isEmpty()), "the wheel still ticks with nothing in it");
        Probe again = new Probe();
        wheel.schedule(again, TimeUnit.MILLISECONDS.toNanos(5));
        assertTrue(again.expired.await(10, TimeUnit.SECONDS), "the wheel did not tick again when needed");
    }

    @Test
    void anEntryThatFailsDoesNotStopTheOthers() throws Exception {
        TimerWheel.Entry failing = new TimerWheel.Entry() {
            @Override
            void expired() {
                throw new IllegalStateException("a timer bug");
            }
        };
        Probe after = new Probe();
        wheel.schedule(failing, TimeUnit.MILLISECONDS.toNanos(5));
        wheel.schedule(after, TimeUnit.MILLISECONDS.toNanos(5));
        assertTrue(after.expired.await(10, TimeUnit.SECONDS));
        Probe later = new Probe();
        wheel.schedule(later, TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(later.expired.await(10, TimeUnit.SECONDS));
    }

    @Test
    void clearDropsEveryEntry() throws Exception {
        Probe probe = new Probe();
        wheel.schedule(probe, TimeUnit.MILLISECONDS.toNanos(20));
        wheel.clear();
        assertEquals(0, wheel.size());
        assertFalse(probe.isScheduled());
        Thread.sleep(60);
        assertEquals(List.of(), probe.expiries);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }
}
