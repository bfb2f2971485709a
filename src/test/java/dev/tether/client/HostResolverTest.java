package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketTimeoutException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Host name lookups bounded by the connect timeout, on a bounded pool of lookup threads. */
class HostResolverTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @Test
    void aLookupThatHangsTimesOutWithinTheConnectTimeout() {
        CountDownLatch answer = new CountDownLatch(1);
        HostResolver resolver = new HostResolver(host -> {
            answer.await();
            return InetAddress.getLoopbackAddress();
        });
        try {
            long start = System.nanoTime();
            WebSocketTimeoutException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(
                    WebSocketTimeoutException.class, () -> resolver.resolve("slow.example", Duration.ofMillis(200))));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos(), "waited the whole timeout");
            assertTrue(e.getMessage().contains("looking up slow.example did not complete within the connect timeout (200 ms)"),
                    e.getMessage());
        } finally {
            answer.countDown();
        }
    }

    @Test
    void aLookupInTimeGivesItsAddress() throws Exception {
        byte[] address = {10, 1, 2, 3};
        HostResolver resolver = new HostResolver(host -> InetAddress.getByAddress(host, address));
        InetAddress resolved = resolver.resolve("service.example", Duration.ofSeconds(5));
        assertArrayEquals(address, resolved.getAddress());
        assertEquals("service.example", resolved.getHostName());
    }

    @Test
    void aConnectTimeoutOfCenturiesWaitsForTheAnswer() throws Exception {
        HostResolver resolver = new HostResolver(host -> InetAddress.getLoopbackAddress());
        assertTrue(resolver.resolve("patient.example", Duration.ofDays(365L * 1000)).isLoopbackAddress());
    }

    @Test
    void anUnknownHostIsReportedAsSuch() {
        HostResolver resolver = new HostResolver(host -> {
            throw new UnknownHostException(host);
        });
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> resolver.resolve("nowhere.example", Duration.ofSeconds(5)));
        assertEquals("cannot resolve nowhere.example", e.getMessage());
    }

    @Test
    void anIpLiteralIsNotLookedUp() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver resolver = new HostResolver(host -> {
            lookups.incrementAndGet();
            throw new UnknownHostException(host);
        });
        assertEquals(InetAddress.getByName("127.0.0.1"), resolver.resolve("127.0.0.1", Duration.ofSeconds(5)));
        assertEquals(InetAddress.getByName("::1"), resolver.resolve("::1", Duration.ofSeconds(5)));
        assertEquals(0, lookups.get());
    }

    @Test
    void lookupsWaitingBeyondTheBoundFailAtOnceInsteadOfPilingUp() {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        HostResolver resolver = new HostResolver(host -> {
            started.incrementAndGet();
            answer.await();
            return InetAddress.getLoopbackAddress();
        });
        try {
            assertTimeoutPreemptively(HANG_GUARD, () -> {
                for (int i = 0; i < HostResolver.THREADS + HostResolver.MAX_PENDING; i++) {
                    assertThrows(WebSocketTimeoutException.class, () -> resolver.resolve("stuck.example", Duration.ofMillis(1)));
                }
                UnknownHostException e = assertThrows(UnknownHostException.class,
                        () -> resolver.resolve("stuck.example", Duration.ofSeconds(5)));
                assertTrue(e.getMessage().contains("64 host name lookups are already waiting"), e.getMessage());
            });
            assertEquals(HostResolver.THREADS, started.get(), "only the pool's threads ever run lookups");
        } finally {
            answer.countDown();
        }
    }

    @Test
    void theSystemResolverFindsLocalhostWithoutTheNetwork() throws Exception {
        assertTrue(HostResolver.system().resolve("localhost", Duration.ofSeconds(5)).isLoopbackAddress());
    }
}
