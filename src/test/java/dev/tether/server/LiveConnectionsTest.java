package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.session.OutboundQueue;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open connections are counted until their transport closes, and closed with a code at shutdown. */
class LiveConnectionsTest {

    /** A connection whose transport closes when asked to (a polite peer), or never (a stuck one). */
    static final class FakeConnection implements ServerConnection, TransportListener {
        final boolean polite;
        final List<Integer> closeCodes = new ArrayList<>();
        volatile boolean aborted;
        TransportListener wrapped;

        FakeConnection(boolean polite) {
            this.polite = polite;
        }

        @Override
        public TransportListener listener() {
            return this;
        }

        volatile boolean started;

        @Override
        public void start(Transport transport) {
            started = true;
        }

        @Override
        public void close(int code, String reason) {
            // As a session: before it started there is no transport to send a close frame on.
            if (!started) throw new IllegalStateException("not started");
            closeCodes.add(code);
            if (polite) wrapped.onTransportClosed();
        }

        @Override
        public boolean onData(ByteBuffer data) {
            return true;
        }

        @Override
        public void onEndOfInput() {
        }

        @Override
        public void onTransportFailure(Throwable cause) {
        }

        @Override
        public void onTransportClosed() {
        }

        @Override
        public OutboundQueue outbound() {
            return new OutboundQueue();
        }
    }

    private static Transport transport(FakeConnection c) {
        return new Transport() {
            @Override
            public void flush() {
            }

            @Override
            public void resumeReading() {
            }

            @Override
            public void close() {
            }

            @Override
            public void abort() {
                c.aborted = true;
            }
        };
    }

    private static FakeConnection open(LiveConnections live, boolean polite) {
        FakeConnection c = new FakeConnection(polite);
        ServerConnection tracked = live.track(c);
        c.wrapped = tracked.listener();
        tracked.start(transport(c));
        return c;
    }

    @Test
    void countsUntilTheTransportReportsClosed() {
        LiveConnections live = new LiveConnections();
        FakeConnection a = open(live, true);
        open(live, true);
        assertEquals(2, live.size());
        a.wrapped.onTransportClosed();
        assertEquals(1, live.size());
    }

    @Test
    void closeAllSendsTheCodeWaitsAndDropsTheStuck() {
        LiveConnections live = new LiveConnections();
        FakeConnection polite = open(live, true);
        FakeConnection stuck = open(live, false);
        long start = System.nanoTime();
        int dropped = live.closeAll(1001, "going away", Duration.ofMillis(300));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, dropped);
        assertEquals(List.of(1001), polite.closeCodes);
        assertEquals(List.of(1001), stuck.closeCodes);
        assertTrue(stuck.aborted, "the stuck connection was aborted");
        assertTrue(!polite.aborted, "the polite one closed by itself");
        assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms for the stuck one");
        assertEquals(0, live.size());
    }

    @Test
    void closeAllReturnsAtOnceWhenEveryoneAnswers() {
        LiveConnections live = new LiveConnections();
        for (int i = 0; i < 5; i++) open(live, true);
        long start = System.nanoTime();
        assertEquals(0, live.closeAll(1001, "", Duration.ofSeconds(10)));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
    }

    @Test
    void aConnectionThatNeverStartsIsForgottenAfterTheStartDeadline() throws Exception {
        LiveConnections live = new LiveConnections(Duration.ofMillis(100));
        live.track(new FakeConnection(true));
        assertEquals(1, live.size());
        long deadline = System.currentTimeMillis() + 10_000;
        while (live.size() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertEquals(0, live.size());
    }

    @Test
    void aConnectionThatStartsWhileClosingAllIsClosedAsItStarts() throws Exception {
        LiveConnections live = new LiveConnections();
        FakeConnection late = new FakeConnection(true);
        ServerConnection tracked = live.track(late);
        late.wrapped = tracked.listener();
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            tracked.start(transport(late)); // the container hands the connection over only now
        });
        starter.start();
        assertEquals(0, live.closeAll(1001, "going away", Duration.ofSeconds(10)));
        starter.join();
        assertEquals(List.of(1001), late.closeCodes, "told once, when it started");
        assertEquals(0, live.size());
    }

    @Test
    void closeAllDoesNotCloseAConnectionTwice() {
        LiveConnections live = new LiveConnections();
        FakeConnection stuck = open(live, false);
        live.closeAll(1001, "", Duration.ofMillis(50));
        assertEquals(List.of(1001), stuck.closeCodes);
    }

    @Test
    void aConnectionAcceptedAfterCloseAllIsNotClosed() {
        LiveConnections live = new LiveConnections();
        open(live, true);
        live.closeAll(1012, "restarting", Duration.ofSeconds(1));
        FakeConnection next = open(live, true);
        assertEquals(List.of(), next.closeCodes);
        assertEquals(1, live.size());
    }

    @Test
    void forgetRemovesAConnectionWhoseUpgradeFailed() {
        LiveConnections live = new LiveConnections();
        ServerConnection tracked = live.track(new FakeConnection(true));
        live.forget(tracked);
        assertEquals(0, live.size());
    }
}
