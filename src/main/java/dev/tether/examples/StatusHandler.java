package dev.tether.examples;

import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketHandler;
import dev.tether.cdi.WebSocketEndpoint;
import dev.tether.session.Threads;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The status demo at {@code /ws-status}: pushes JVM statistics as JSON every second (fields:
 * {@link StatusJson}). Incoming messages are ignored, but still read, so that pings get their pongs and a
 * close from the client ends the pushes at once.
 */
@WebSocketEndpoint("/ws-status")
public class StatusHandler implements WebSocketHandler {

    private static final Logger LOG = Logger.getLogger(StatusHandler.class.getName());

    private final Duration period;

    public StatusHandler() {
        this(Duration.ofSeconds(1));
    }

    StatusHandler(Duration period) {
        this.period = period;
    }

    @Override
    public void handle(WebSocket webSocket) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        Threads.start("status-reader", () -> {
            try {
                webSocket.runWith(ignored -> { });
            } catch (Exception e) {
                LOG.log(Level.FINE, "status connection failed", e);
            } finally {
                closed.countDown();
            }
        });
        StatusSample previous = null;
        try {
            do {
                StatusSample now = StatusSample.now();
                webSocket.sendMessage(StatusJson.of(now, previous).toString());
                previous = now;
            } while (!closed.await(period.toMillis(), TimeUnit.MILLISECONDS));
        } catch (WebSocketClosedException clientLeft) {
            // Closed between two pushes: nothing more to say.
        }
    }
}
