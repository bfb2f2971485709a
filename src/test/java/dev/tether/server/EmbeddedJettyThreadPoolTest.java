package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.session.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's handshakes run on virtual threads wherever Tether's handlers do (JDK 21+), so that a
 * burst of connects does not grow Jetty's pool of platform threads (and their resident stacks); on JDK 17
 * Jetty keeps its plain pool. Run on JDK 21+ to see the first case (the build's JDK 17 sees the second).
 */
class EmbeddedJettyThreadPoolTest {

    @Test
    void blockingWorkRunsOnVirtualThreadsExactlyWhenHandlersDo() throws Exception {
        QueuedThreadPool pool = EmbeddedJetty.threadPool();
        Executor virtual = pool.getVirtualThreadsExecutor();
        assertEquals(Threads.virtual(), virtual != null, "virtual-thread executor of Jetty's pool: " + virtual);
        if (virtual == null) return;
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        virtual.execute(() -> ranOn.complete(Thread.currentThread().toString()));
        String thread = ranOn.get(10, TimeUnit.SECONDS);
        assertTrue(thread.startsWith("VirtualThread") && thread.contains("tether-jetty-handshake"), thread);
    }

    @Test
    void thePoolIsNamedAndDaemon() {
        QueuedThreadPool pool = EmbeddedJetty.threadPool();
        assertEquals("tether-jetty", pool.getName());
        assertTrue(pool.isDaemon());
    }
}
