package dev.tether.e2e.fault;

import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Another connection that echoes steadily while a fault happens on its neighbour: one message at a time,
 * each echo checked against what was sent, so a message lost, reordered or corrupted, or an error, shows.
 * Uses the JDK's WebSocket client, a peer nobody here wrote.
 */
final class Bystander {

    private final JdkClient client;
    private final AtomicInteger echoes = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    private Bystander(JdkClient client) {
        this.client = client;
        this.thread = new Thread(this::echoSteadily, "bystander");
        this.thread.setDaemon(true);
    }

    /** Connects to {@code path} (an echo endpoint) and starts echoing; returns once a few echoes went through. */
    static Bystander start(EmbeddedContainer container, String path) throws Exception {
        Bystander b = new Bystander(JdkClient.connect(container, path));
        b.thread.start();
        b.awaitEchoes(5);
        return b;
    }

    private void echoSteadily() {
        try {
            for (int i = 0; !stopping; i++) {
                String sent = "bystander " + i + " " + "x".repeat(i % 200);
                client.sendText(sent);
                String echo = client.nextText();
                if (!sent.equals(echo)) {
                    throw new AssertionError("echo " + i + " was '" + abbreviate(echo) + "', expected '" + abbreviate(sent) + "'");
                }
                echoes.incrementAndGet();
                Thread.sleep(2);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    int echoes() {
        return echoes.get();
    }

    /** Waits (bounded) until at least {@code count} echoes went through; fails if the bystander failed. */
    void awaitEchoes(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (echoes.get() < count) {
            assertHealthy();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bystander made only " + echoes.get() + " echoes of " + count + " in 20 s");
            }
            Thread.sleep(5);
        }
    }

    /** Fails with what went wrong, if anything did. */
    void assertHealthy() {
        Throwable t = failure.get();
        if (t != null) throw new AssertionError("the bystander failed after " + echoes.get() + " echoes: " + t, t);
    }

    /**
     * Checks it carried on after the fault, stops echoing and closes normally: the server must answer the
     * close with 1000 like on any good day.
     */
    void finish() throws Exception {
        awaitEchoes(echoes.get() + 20);
        stopping = true;
        thread.join(30_000);
        assertHealthy();
        try {
            client.sendClose(1000, "done");
            JdkClient.Close close = client.awaitClose();
            if (close.code() != 1000) throw new AssertionError("the bystander's close was answered with " + close);
        } finally {
            client.close();
        }
    }

    /** Drops the connection if a test failed before {@link #finish()}. */
    void abandon() {
        stopping = true;
        client.close();
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
