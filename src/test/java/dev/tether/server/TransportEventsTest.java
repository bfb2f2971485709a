package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.session.OutboundQueue;
import dev.tether.session.TransportListener;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One listener call at a time, one disconnect, one close, and nothing after it. */
class TransportEventsTest {

    /** Records calls, flags overlapping ones, and can run an action inside onData. */
    static final class Recorder implements TransportListener {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean inside = new AtomicBoolean();
        final AtomicBoolean overlapped = new AtomicBoolean();
        volatile Consumer<ByteBuffer> onData = b -> { };

        private void enter(String call) {
            if (!inside.compareAndSet(false, true)) overlapped.set(true);
            calls.add(call);
        }

        private void leave() {
            inside.set(false);
        }

        @Override
        public boolean onData(ByteBuffer data) {
            enter("data");
            try {
                onData.accept(data);
                return true;
            } finally {
                leave();
            }
        }

        @Override
        public void onEndOfInput() {
            enter("eof");
            leave();
        }

        @Override
        public void onTransportFailure(Throwable cause) {
            enter("failure " + cause.getMessage());
            leave();
        }

        @Override
        public void onTransportClosed() {
            enter("closed");
            leave();
        }

        @Override
        public OutboundQueue outbound() {
            return new OutboundQueue();
        }
    }

    @Test
    void onlyTheFirstDisconnectIsDeliveredThenClosedOnce() {
        Recorder r = new Recorder();
        TransportEvents events = new TransportEvents(r);
        events.endOfInput();
        events.failed(new IOException("reset"));
        events.endOfInput();
        events.closed();
        events.closed();
        events.failed(new EOFException("late"));
        assertEquals(List.of("eof", "closed"), r.calls);
    }

    @Test
    void aFailureFirstWinsOverALaterEndOfInput() {
        Recorder r = new Recorder();
        TransportEvents events = new TransportEvents(r);
        events.failed(new IOException("reset"));
        events.endOfInput();
        events.closed();
        assertEquals(List.of("failure reset", "closed"), r.calls);
        assertTrue(events.hasFailed());
    }

    @Test
    void eventsRaisedInsideOnDataAreDeliveredAfterItReturns() {
        Recorder r = new Recorder();
        TransportEvents events = new TransportEvents(r);
        r.onData = b -> {
            events.failed(new IOException("while reading")); // e.g. the session aborted the transport
            events.closed();
            r.calls.add("still in onData");
        };
        assertTrue(events.beginRead());
        events.data(ByteBuffer.allocate(1));
        assertEquals(List.of("data", "still in onData"), r.calls);
        events.endRead();
        assertEquals(List.of("data", "still in onData", "failure while reading", "closed"), r.calls);
        assertFalse(r.overlapped.get());
    }

    @Test
    void noReadOnceTheConnectionIsEnding() {
        TransportEvents events = new TransportEvents(new Recorder());
        events.endOfInput();
        assertFalse(events.beginRead());
        assertTrue(events.isEnding());
    }

    @Test
    void aListenerThatThrowsOnDataFailsTheConnection() {
        Recorder r = new Recorder();
        r.onData = b -> {
            throw new IllegalStateException("bug");
        };
        TransportEvents events = new TransportEvents(r);
        assertTrue(events.beginRead());
        assertFalse(events.data(ByteBuffer.allocate(1)));
        events.endRead();
        assertTrue(events.hasFailed());
        assertEquals(List.of("data", "failure bug"), r.calls);
    }

    @Test
    void eventsFromManyThreadsNeverOverlapAndNothingIsLost() throws Exception {
        for (int round = 0; round < 1000; round++) {
            Recorder r = new Recorder();
            TransportEvents events = new TransportEvents(r);
            CountDownLatch go = new CountDownLatch(1);
            Thread reader = new Thread(() -> {
                await(go);
                for (int i = 0; i < 20 && events.beginRead(); i++) {
                    try {
                        events.data(ByteBuffer.allocate(1));
                    } finally {
                        events.endRead();
                    }
                }
            });
            Thread failer = new Thread(() -> {
                await(go);
                events.failed(new IOException("x"));
            });
            Thread closer = new Thread(() -> {
                await(go);
                events.closed();
            });
            reader.start();
            failer.start();
            closer.start();
            go.countDown();
            reader.join(10_000);
            failer.join(10_000);
            closer.join(10_000);
            assertFalse(r.overlapped.get(), "overlapping listener calls");
            assertEquals("closed", r.calls.get(r.calls.size() - 1), "closed is last: " + r.calls);
            assertEquals(1, r.calls.stream().filter("closed"::equals).count());
            long disconnects = r.calls.stream().filter(c -> c.startsWith("failure")).count();
            assertTrue(disconnects <= 1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
