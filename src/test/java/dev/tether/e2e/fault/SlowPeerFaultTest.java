package dev.tether.e2e.fault;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketTimeoutException;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reader that stalls while its handler floods it: the handler's send fails after the write timeout, the
 * connection is dropped, memory stays bounded, and the bystander echoes on throughout.
 */
class SlowPeerFaultTest extends FaultTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aStalledReaderFailsItsSendersAfterTheWriteTimeout(EmbeddedContainer container) throws Exception {
        startBystander(container);
        long heapBefore = usedHeapAfterGc();
        try (RawWebSocket victim = RawWebSocket.open(container, "/flood")) {
            long opened = System.nanoTime();
            int bystanderBefore = bystander.echoes();
            Ending end = victimEnd(20);
            long heapAfter = usedHeapAfterGc();
            assertInstanceOf(WebSocketTimeoutException.class, end.cause(), () -> "the flood ended with " + end.cause());
            long millis = TimeUnit.NANOSECONDS.toMillis(end.atNanos() - opened);
            assertTrue(millis >= WRITE_TIMEOUT.toMillis() - 100, "the send failed after only " + millis + " ms");
            assertTrue(bystander.echoes() > bystanderBefore + 10,
                    "the bystander stood still while the flood was stuck: " + (bystander.echoes() - bystanderBefore) + " echoes");
            assertTrue(heapAfter - heapBefore < 48L << 20,
                    "heap grew by " + ((heapAfter - heapBefore) >> 20) + " MiB while the peer was not reading");
            assertDropped(victim);
        }
        assertUnaffected(container);
    }

    private static void assertDropped(RawWebSocket victim) throws IOException {
        victim.socket().setSoTimeout(10_000);
        InputStream in = victim.socket().getInputStream();
        byte[] sink = new byte[1 << 16];
        try {
            while (in.read(sink) >= 0) {
                // the frames written before the stall
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not drop the stalled reader", e);
        } catch (IOException e) {
            // reset: dropped too
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
