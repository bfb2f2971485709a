package dev.tether.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections' long-lived deadlines (heartbeat, idle timeout): a hashed timing wheel whose entries are
 * the timer objects themselves ({@link Entry}), so that scheduling, rescheduling and cancelling allocate
 * nothing and an idle connection holds no task objects for its timers. A scheduled executor's task holds
 * two objects per timer (task and adapter) for as long as the connection is open: ~0.2 KiB per idle
 * connection for two timers.
 *
 * <p>Time is cut into ticks of {@link #TICK_NANOS}; an entry waits in the slot of the tick it is due in
 * (modulo the number of slots) and runs at the first tick at or after its deadline, on the executor's
 * thread, never early. A tick task runs on the executor only while entries wait.
 */
final class TimerWheel {

    private static final Logger LOG = Logger.getLogger(TimerWheel.class.getName());
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final int SLOTS = 512;

    /** A deadline that is its own entry in the wheel. Its owner runs {@link #expired()} when it is due. */
    abstract static class Entry {
        // Guarded by the wheel.
        private TimerWheel wheel;
        private long dueNanos;
        private int slot;
        private Entry previous;
        private Entry next;

        /** Runs on the timer thread when due (not under the wheel's lock); may reschedule itself. */
        abstract void expired();

        /** Whether it waits in a wheel (for tests). */
        final boolean isScheduled() {
            TimerWheel w = wheel;
            if (w == null) return false;
            synchronized (w) {
                return wheel != null;
            }
        }
    }

    private final Supplier<ScheduledExecutorService> executor;
    private final long tickNanos;
    private final Entry[] slots;
    private int size;
    /** The tick whose slot the next run visits first. */
    private long nextTick;
    private ScheduledFuture<?> ticking;

    TimerWheel(Supplier<ScheduledExecutorService> executor) {
        this(executor, TICK_NANOS, SLOTS);
    }

    /** @param slots a power of two */
    TimerWheel(Supplier<ScheduledExecutorService> executor, long tickNanos, int slots) {
        if (Integer.bitCount(slots) != 1) throw new IllegalArgumentException("slots must be a power of two: " + slots);
        this.executor = executor;
        this.tickNanos = tickNanos;
        this.slots = new Entry[slots];
    }

    /** Schedules (or reschedules) {@code entry} to expire {@code delayNanos} from now. */
    synchronized void schedule(Entry entry, long delayNanos) {
        if (entry.wheel != null) entry.wheel.unlink(entry);
        long now = System.nanoTime();
        entry.dueNanos = now + Math.max(0, delayNanos);
        if (ticking == null) {
            nextTick = tickOf(now);
            ticking = executor.get().scheduleAtFixedRate(this::advance, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        }
        // The first tick that starts at or after the deadline; never one already visited.
        long tick = Math.max(Math.floorDiv(entry.dueNanos + tickNanos - 1, tickNanos), nextTick);
        int slot = (int) (tick & (slots.length - 1));
        entry.wheel = this;
        entry.slot = slot;
        entry.previous = null;
        entry.next = slots[slot];
        if (entry.next != null) entry.next.previous = entry;
        slots[slot] = entry;
        size++;
    }

    /** Takes {@code entry} out of the wheel, if it is in it. */
    void cancel(Entry entry) {
        TimerWheel w = entry.wheel;
        if (w == null) return;
        synchronized (w) {
            if (entry.wheel == w) w.unlink(entry);
        }
    }

    /** How many entries wait. */
    synchronized int size() {
        return size;
    }

    /** Drops every entry and stops ticking (the executor is going away). */
    synchronized void clear() {
        for (int i = 0; i < slots.length; i++) {
            while (slots[i] != null) unlink(slots[i]);
        }
        if (ticking != null) ticking.cancel(false);
        ticking = null;
    }

    private void unlink(Entry entry) {
        if (entry.previous != null) {
            entry.previous.next = entry.next;
        } else {
            slots[entry.slot] = entry.next;
        }
        if (entry.next != null) entry.next.previous = entry.previous;
        entry.previous = null;
        entry.next = null;
        entry.wheel = null;
        size--;
    }

    /** One tick: runs every entry that is due in the slots of the ticks passed since the last run. */
    private void advance() {
        List<Entry> due = null;
        synchronized (this) {
            long now = System.nanoTime();
            long lastTick = tickOf(now);
            // Late by a whole turn or more (a stalled timer thread): each slot is visited once.
            long first = Math.max(nextTick, lastTick - slots.length + 1);
            for (long tick = first; tick <= lastTick; tick++) {
                int slot = (int) (tick & (slots.length - 1));
                Entry e = slots[slot];
                while (e != null) {
                    Entry following = e.next;
                    if (e.dueNanos - now <= 0) {
                        unlink(e);
                        if (due == null) due = new ArrayList<>();
                        due.add(e);
                    }
                    e = following;
                }
            }
            nextTick = Math.max(nextTick, lastTick + 1);
            if (size == 0 && ticking != null) {
                ticking.cancel(false);
                ticking = null;
            }
        }
        if (due == null) return;
        for (Entry e : due) {
            try {
                e.expired();
            } catch (RuntimeException | Error x) {
                LOG.log(Level.WARNING, "timer failed", x);
            }
        }
    }

    private long tickOf(long nanos) {
        return Math.floorDiv(nanos, tickNanos);
    }
}
