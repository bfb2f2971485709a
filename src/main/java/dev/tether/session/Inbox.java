package dev.tether.session;

import dev.tether.Message;
import dev.tether.WebSocketException;
import dev.tether.WebSocketTimeoutException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Complete messages waiting for {@code readMessage()}. Bounded: once it holds {@code maxBytes}, the
 * producer (the transport's read loop) is told to pause, and reading resumes when the reader has taken
 * enough; TCP flow control then holds the peer back, so a slow handler never costs unbounded memory.
 *
 * <p>When the connection ends, messages already here can still be read; after them the reader gets the
 * ending's exception (closed or failed).
 *
 * <p>Every idle connection has a reader parked in {@link #take}, so the wait is built for its footprint
 * (issue #6): the state is guarded by this object's monitor (no lock or condition objects, and the
 * critical sections never block), and a reader with nothing to take notes itself in {@link #reader},
 * leaves the monitor and parks with {@link LockSupport} straight from {@code take}: no
 * {@code ConditionNode} per wait and no condition frames frozen into a virtual thread's stack.
 * {@link #add} and {@link #end} unpark only a reader that noted itself, so handing a message to a busy
 * reader costs no unpark. A reader notes itself under the monitor after seeing nothing to take, and
 * producers look for it under the monitor after adding, so no wake-up is lost; a wake-up may reach a
 * reader that has just left on its own (a timeout), which its next park then takes as a spurious
 * return, as {@link LockSupport#park} allows.
 *
 * <p>One reader at a time is the expected use. Concurrent readers are safe: the others wait in
 * {@link #otherReaders}, every wake-up wakes them all, and each one checks again.
 */
final class Inbox {

    private final long maxBytes;
    private final ArrayDeque<Message> messages = new ArrayDeque<>(1); // grows on demand; idle connections keep it
    private long bytes;
    /** The messages waiting, readable without the monitor: a hint for deciding when to flush. */
    private volatile int waiting;
    private boolean paused;
    private Supplier<? extends WebSocketException> ending;
    /** The reader parked (or about to park) for a message or the ending; null when none waits. */
    private Thread reader;
    /** Further readers waiting at the same time, in the unusual case of concurrent readers; else null. */
    private ArrayList<Thread> otherReaders;
    /** How many times a producer unparked readers: lets tests see that a busy reader is left alone. */
    private int wakeUps;

    Inbox(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(Message message) {
        Thread woken;
        ArrayList<Thread> othersWoken;
        synchronized (this) {
            messages.add(message);
            waiting = messages.size();
            bytes += size(message);
            if ((woken = reader) == null && otherReaders == null) return; // the reader is busy: it will look
            othersWoken = otherReaders;
            forgetReaders();
        }
        // Outside the monitor, so that the woken reader does not wake only to contend for it.
        unpark(woken, othersWoken);
    }

    /** Called by the read loop after a batch of input: true when it must pause until resumed. */
    synchronized boolean pauseIfFull() {
        if (ending == null && bytes >= maxBytes) {
            paused = true;
            return true;
        }
        return false;
    }

    /**
     * The connection ended: after the messages already here, readers get what {@code exception} makes.
     * Returns true when the read loop was paused: the caller must resume it, or the peer's close frame
     * would never be read.
     */
    boolean end(Supplier<? extends WebSocketException> exception) {
        Thread woken;
        ArrayList<Thread> othersWoken;
        boolean wasPaused;
        synchronized (this) {
            if (ending == null) ending = exception;
            wasPaused = paused;
            paused = false;
            woken = reader;
            othersWoken = otherReaders;
            forgetReaders();
        }
        unpark(woken, othersWoken);
        return wasPaused;
    }

    /** Whether a message waits to be taken (without locking: a snapshot that may be stale at once). */
    boolean hasMessages() {
        return waiting > 0;
    }

    synchronized boolean isEnded() {
        return ending != null;
    }

    /**
     * Takes the next message, waiting at most {@code timeoutNanos} (0 or less: without limit). Runs
     * {@code resume} (outside the monitor) when taking it brought the inbox back under its bound while
     * the read loop was paused.
     *
     * <p>Parks right here, not in a helper: each frame under a parked virtual thread is frozen into its
     * stack chunk, on every idle connection.
     */
    Message take(long timeoutNanos, Runnable resume) throws WebSocketException, InterruptedIOException {
        Thread current = Thread.currentThread();
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            Message message;
            Supplier<? extends WebSocketException> ended = null;
            boolean resumeNow = false;
            long remaining = 0;
            synchronized (this) {
                // Woken by a producer, the reader was forgotten already; woken otherwise (timeout,
                // interrupt, spurious), it is forgotten here, before it looks again.
                forgetReader(current);
                message = messages.poll();
                if (message != null) {
                    waiting = messages.size();
                    bytes -= size(message);
                    if (paused && bytes < maxBytes) {
                        paused = false;
                        resumeNow = true;
                    }
                } else if ((ended = ending) == null) {
                    if (timeoutNanos > 0 && (remaining = deadline - System.nanoTime()) <= 0) {
                        throw new WebSocketTimeoutException("no message within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                    }
                    if (current.isInterrupted()) { // the flag stays set for the caller
                        throw new InterruptedIOException("interrupted while waiting for a message");
                    }
                    noteReader(current);
                }
            }
            if (message != null) {
                if (resumeNow) resume.run();
                return message;
            }
            if (ended != null) throw ended.get();
            // Noted as the reader: an add or end from now on unparks this thread, even before it parks.
            if (timeoutNanos > 0) {
                LockSupport.parkNanos(this, remaining);
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** How many times {@link #add} or {@link #end} found a reader waiting and unparked it. */
    synchronized int wakeUps() {
        return wakeUps;
    }

    /** Whether {@code thread} is noted as a waiting reader (parked, or about to park). */
    synchronized boolean isWaiting(Thread thread) {
        return reader == thread || otherReaders != null && otherReaders.contains(thread);
    }

    // The helpers below run under the monitor and return before any park.

    private void noteReader(Thread thread) {
        if (reader == null) {
            reader = thread;
        } else {
            if (otherReaders == null) otherReaders = new ArrayList<>(2);
            otherReaders.add(thread);
        }
    }

    private void forgetReader(Thread thread) {
        if (reader == thread) {
            reader = null;
        } else if (otherReaders != null && otherReaders.remove(thread) && otherReaders.isEmpty()) {
            otherReaders = null;
        }
    }

    private void forgetReaders() {
        if (reader != null || otherReaders != null) wakeUps++;
        reader = null;
        otherReaders = null;
    }

    private static void unpark(Thread reader, ArrayList<Thread> otherReaders) {
        if (reader != null) LockSupport.unpark(reader);
        if (otherReaders != null) {
            for (Thread other : otherReaders) LockSupport.unpark(other);
        }
    }

    /** What a message costs in memory, near enough: its chars or bytes. */
    private static long size(Message message) {
        return message.isText() ? message.text().length() : message.bytes().length;
    }
}
