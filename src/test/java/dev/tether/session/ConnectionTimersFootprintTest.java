package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An open connection's long-lived timers (heartbeat, idle timeout) are entries in the shared timer wheel,
 * not tasks of the timer executor: a thousand idle connections add a thousand entries to the wheel and no
 * task objects at all.
 */
class ConnectionTimersFootprintTest {

    @Test
    void openSessionsScheduleTheirHeartbeatAndIdleTimerInTheWheel() throws Exception {
        WebSocketConfig config = WebSocketConfig.defaults().toBuilder()
                .pingInterval(Duration.ofSeconds(30)).idleTimeout(Duration.ofMinutes(10)).build();
        int wheelBefore = Timers.wheel().size();
        List<InMemoryTransport> open = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) open.add(InMemoryTransport.server(config));
            assertEquals(wheelBefore + 2000, Timers.wheel().size(), "two wheel entries per open connection");
            // Nothing of theirs waits in the executor: only the wheel's own tick (and other tests' stragglers).
            assertTrue(executorQueueSize() < 100, "timer tasks in the executor: " + executorQueueSize());
        } finally {
            for (InMemoryTransport t : open) t.session.onTransportClosed();
        }
        assertEquals(wheelBefore, Timers.wheel().size(), "a closed connection leaves no entry behind");
    }

    private static int executorQueueSize() throws Exception {
        java.util.concurrent.ScheduledFuture<?> probe = Timers.schedule(() -> { }, 1, java.util.concurrent.TimeUnit.HOURS);
        try {
            java.lang.reflect.Field f = Timers.class.getDeclaredField("executor");
            f.setAccessible(true);
            return ((java.util.concurrent.ScheduledThreadPoolExecutor) f.get(null)).getQueue().size() - 1;
        } finally {
            probe.cancel(false);
        }
    }
}
