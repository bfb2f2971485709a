package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.JdkClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eight handler threads send at once, messages of every size class; each message must arrive whole and
 * each thread's messages in order (sends are atomic: frames of two messages never interleave).
 */
class ConcurrentSendersTest extends EndToEndTest {

    private static final int THREADS = 8;
    private static final int MESSAGES = 60;

    @Override
    void register(EndpointRegistry registry) {
        registry.register(Endpoint.of("/concurrent", ws -> {
            ws.readMessage(); // "go"
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread sender = new Thread(() -> {
                    try {
                        start.await();
                        for (int m = 0; m < MESSAGES; m++) {
                            if (m % 2 == 0) {
                                ws.sendMessage(message(thread, m));
                            } else {
                                ws.sendMessage(message(thread, m).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                sender.start();
                senders.add(sender);
            }
            start.countDown();
            for (Thread sender : senders) sender.join();
            if (!failures.isEmpty()) throw new AssertionError("a sender failed", failures.get(0));
            ws.sendMessage("done");
        }));
    }

    /** "t3 m17 " then a body of one repeated letter, long enough to need 7-, 16- and 64-bit lengths. */
    static String message(int thread, int m) {
        int length = (m * 7919 + thread * 104729) % 90_000;
        char fill = (char) ('a' + (thread * 31 + m) % 26);
        return "t" + thread + " m" + m + " " + String.valueOf(fill).repeat(length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void everyMessageArrivesWholeAndInOrderPerSender(EmbeddedContainer container) throws Exception {
        try (JdkClient client = JdkClient.connect(container, "/concurrent")) {
            client.sendText("go");
            int[] nextPerThread = new int[THREADS];
            for (int i = 0; i < THREADS * MESSAGES; i++) {
                Object received = client.next();
                String text = received instanceof String ? (String) received
                        : new String((byte[]) received, java.nio.charset.StandardCharsets.UTF_8);
                String[] head = text.split(" ", 3);
                int thread = Integer.parseInt(head[0].substring(1));
                int m = Integer.parseInt(head[1].substring(1));
                assertEquals(nextPerThread[thread], m, "order of thread " + thread);
                assertEquals(m % 2 == 0, received instanceof String, "message type");
                assertEquals(message(thread, m), text, "message t" + thread + " m" + m + " arrived whole");
                nextPerThread[thread]++;
            }
            assertEquals("done", client.nextText());
            assertEquals(1000, client.awaitClose().code());
        }
    }
}
