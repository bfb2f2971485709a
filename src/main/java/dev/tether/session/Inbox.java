package dev.tether.session;

import dev.tether.Message;
import dev.tether.WebSocketException;
import dev.tether.WebSocketTimeoutException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Complete messages waiting for {@code readMessage()}. Bounded: once it holds {@code maxBytes}, the
 * producer (the transport's read loop) is told to pause, and reading resumes when the reader has taken
 * enough; TCP flow control then holds the peer back, so a slow handler never costs unbounded memory.
 *
 * <p>When the connection ends, messages already here can still be read; after them the reader gets the
 * ending's exception (closed or failed).
 */
final class Inbox {

    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Message> messages = new ArrayDeque<>(1); // grows on demand; idle connections keep it
    private long bytes;
    /** The messages waiting, readable without the lock: a hint for deciding when to flush. */
    private volatile int waiting;
    private boolean paused;
    private Supplier<? extends WebSocketException> ending;

    Inbox(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void add(Message message) {
        lock.lock();
        try {
            messages.add(message);
            waiting = messages.size();
            bytes += size(message);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Called by the read loop after a batch of input: true when it must pause until resumed. */
    boolean pauseIfFull() {
        lock.lock();
        try {
            if (ending == null && bytes >= maxBytes) {
                paused = true;
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The connection ended: after the messages already here, readers get what {@code exception} makes.
     * Returns true when the read loop was paused: the caller must resume it, or the peer's close frame
     * would never be read.
     */
    boolean end(Supplier<? extends WebSocketException> exception) {
        lock.lock();
        try {
            if (ending == null) ending = exception;
            boolean wasPaused = paused;
            paused = false;
            changed.signalAll();
            return wasPaused;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a message waits to be taken (without locking: a snapshot that may be stale at once). */
    boolean hasMessages() {
        return waiting > 0;
    }

    boolean isEnded() {
        lock.lock();
        try {
            return ending != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next message, waiting at most {@code timeoutNanos} (0: without limit). Runs
     * {@code resume} (outside the lock) when taking it brought the inbox back under its bound while the
     * read loop was paused.
     */
    Message take(long timeoutNanos, Runnable resume) throws WebSocketException, InterruptedIOException {
        Message message;
        boolean resumeNow = false;
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while ((message = messages.poll()) == null) {
                if (ending != null) throw ending.get();
                if (timeoutNanos > 0 && remaining <= 0) {
                    throw new WebSocketTimeoutException("no message within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                }
                try {
                    if (timeoutNanos > 0) {
                        remaining = changed.awaitNanos(remaining);
                    } else {
                        changed.await();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for a message");
                }
            }
            waiting = messages.size();
            bytes -= size(message);
            if (paused && bytes < maxBytes) {
                paused = false;
                resumeNow = true;
            }
        } finally {
            lock.unlock();
        }
        if (resumeNow) resume.run();
        return message;
    }

    /** What a message costs in memory, near enough: its chars or bytes. */
    private static long size(Message message) {
        return message.isText() ? message.text().length() : message.bytes().length;
    }
}
