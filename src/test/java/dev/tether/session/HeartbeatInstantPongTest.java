package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A pong that arrives before the heartbeat's own sendPing call has returned (loopback, a fast LAN: the
 * transport's read thread delivers it while the timer thread is still in the send) still counts: the
 * heartbeat keeps pinging and never declares the peer gone. Found behind nginx, where the pings stopped
 * after a few rounds and the server then dropped a healthy client after the pong timeout.
 */
class HeartbeatInstantPongTest {

    @Test
    void aPongBeforeSendPingReturnsKeepsTheHeartbeatGoing() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        AtomicBoolean declaredGone = new AtomicBoolean();
        AtomicReference<Heartbeat> heartbeat = new AtomicReference<>();
        Heartbeat.Peer answersAtOnce = new Heartbeat.Peer() {
            @Override
            public boolean sendPing() {
                pings.incrementAndGet();
                heartbeat.get().onPong(); // the pong, before this call returns
                return true;
            }

            @Override
            public void unresponsive(long waitedMillis) {
                declaredGone.set(true);
            }
        };
        heartbeat.set(new Heartbeat(answersAtOnce, 20, 60));
        heartbeat.get().start();
        try {
            long hangGuard = System.nanoTime() + 10_000_000_000L;
            while (pings.get() < 5 && !declaredGone.get() && System.nanoTime() < hangGuard) Thread.sleep(10);
        } finally {
            heartbeat.get().stop();
        }
        assertFalse(declaredGone.get(), "a peer that answered every ping was declared gone after " + pings + " pings");
        assertTrue(pings.get() >= 5, "pings stopped after " + pings);
    }
}
