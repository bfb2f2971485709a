package dev.tether.session;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reader threads for the Inbox tests, and waiting for them to park (bounded: hang guards only). */
final class InboxTestSupport {

    /** Generous: only a hang makes a test wait this long. */
    static final long HANG_GUARD_SECONDS = 60;

    private InboxTestSupport() {
    }

    /** A platform thread running {@code task}; its outcome (value or exception) lands in the future. */
    static final class Reader<T> {
        final Thread thread;
        final CompletableFuture<T> outcome = new CompletableFuture<>();

        Reader(String name, Callable<T> task) {
            thread = new Thread(() -> {
                try {
                    outcome.complete(task.call());
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** The task's result; fails the test on a hang (interrupting the thread to free it). */
        T result() throws Exception {
            try {
                return outcome.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception) throw (Exception) e.getCause();
                throw e;
            } catch (TimeoutException e) {
                String stack = java.util.Arrays.toString(thread.getStackTrace());
                thread.interrupt();
                return fail(thread.getName() + " hung; its stack: " + stack);
            }
        }

        /** The exception the task ended with; fails when it returned normally or hung. */
        Throwable failure() throws Exception {
            try {
                T value = result();
                return fail(thread.getName() + " returned " + value + " instead of throwing");
            } catch (Exception e) {
                return e;
            }
        }
    }

    /** Waits until {@code thread} is noted in {@code inbox} as its waiting reader and is parked. */
    static void awaitParked(Inbox inbox, Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
        while (!(inbox.isWaiting(thread) && isParked(thread))) {
            if (System.nanoTime() - deadline > 0) fail(thread.getName() + " never parked in the inbox: " + thread.getState());
            if (!thread.isAlive()) fail(thread.getName() + " ended instead of parking");
            Thread.sleep(1);
        }
    }

    private static boolean isParked(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }
}
