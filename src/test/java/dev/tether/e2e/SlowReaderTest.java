package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import dev.tether.WebSocketTimeoutException;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client that stops reading while the handler floods it: the send fails with a timeout once the
 * write timeout passes without progress, the connection is dropped, and the server's heap does not
 * grow with what the client refuses to take.
 */
class SlowReaderTest extends EndToEndTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(1500);
    private static final int MESSAGE = 1 << 20;

    /** What ended the flood, and how long after the last send that succeeded. */
    record FloodEnd(Throwable cause, long millisSinceLastSend, int sent) {
    }

    private final BlockingQueue<FloodEnd> floodEnds = new LinkedBlockingQueue<>();
    private final AtomicInteger sent = new AtomicInteger();

    @Override
    void register(EndpointRegistry registry) {
        WebSocketConfig config = WebSocketConfig.defaults().toBuilder().writeTimeout(WRITE_TIMEOUT).build();
        registry.register(new Endpoint("/flood", ws -> {
            byte[] chunk = new byte[MESSAGE];
            long lastSend = System.nanoTime();
            try {
                while (true) {
                    ws.sendMessage(chunk);
                    sent.incrementAndGet();
                    lastSend = System.nanoTime();
                }
            } catch (Throwable e) {
                floodEnds.add(new FloodEnd(e, (System.nanoTime() - lastSend) / 1_000_000, sent.get()));
            }
        }, config, List.of(), null));
    }

    @BeforeEach
    void clear() {
        floodEnds.clear();
        sent.set(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theSendTimesOutTheConnectionIsDroppedAndTheHeapStaysBounded(EmbeddedContainer container) throws Exception {
        long heapBefore = usedHeapAfterGc();
        try (RawWebSocket client = RawWebSocket.open(container, "/flood")) {
            awaitStall();
            long heapStalled = usedHeapAfterGc();
            assertTrue(heapStalled - heapBefore < 48L << 20, "heap grew by " + ((heapStalled - heapBefore) >> 20)
                    + " MiB while the client was not reading (" + sent.get() + " MiB sent)");

            FloodEnd end = floodEnds.poll(20, TimeUnit.SECONDS);
            assertNotNull(end, "the flood never ended");
            assertInstanceOf(WebSocketTimeoutException.class, end.cause(), () -> "flood ended with " + end.cause());
            assertTrue(end.millisSinceLastSend() >= WRITE_TIMEOUT.toMillis() - 100,
                    "timed out after only " + end.millisSinceLastSend() + " ms");
            assertTrue(end.millisSinceLastSend() < WRITE_TIMEOUT.toMillis() + 5_000,
                    "timed out only after " + end.millisSinceLastSend() + " ms");
            assertDropped(client);
        }
    }

    /** Waits until the handler has made no progress for a while: it is blocked on the unread socket. */
    private void awaitStall() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            int now = sent.get();
            if (now == last && now > 0) return;
            last = now;
            Thread.sleep(300);
        }
        throw new AssertionError("the flood never stalled: " + sent.get() + " messages sent");
    }

    /** Reads what the server had written until the connection ends; it must end, not time out. */
    private static void assertDropped(RawWebSocket client) throws IOException {
        client.socket().setSoTimeout(10_000);
        InputStream in = client.socket().getInputStream();
        byte[] sink = new byte[1 << 16];
        try {
            while (in.read(sink) >= 0) {
                // the frames written before the stall
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not drop the connection", e);
        } catch (IOException e) {
            // reset: dropped too
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
