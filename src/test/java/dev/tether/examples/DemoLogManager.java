package dev.tether.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * java.util.logging for the demo server, which logs until it has stopped: the JDK's own shutdown hook
 * resets logging while other hooks still run, and the lines saying each WebSocket closed at Ctrl-C would
 * be lost. Installed with {@code -Djava.util.logging.manager=dev.tether.examples.DemoLogManager}; the
 * reset at shutdown waits (a few seconds at most) until {@link #serverStopped()}.
 */
public final class DemoLogManager extends LogManager {

    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    /** Lets logging shut down. */
    static void serverStopped() {
        STOPPED.countDown();
    }

    @Override
    public void reset() {
        if (shuttingDown()) {
            try {
                STOPPED.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.reset();
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException alreadyShuttingDown) {
            return true;
        }
    }
}
