package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Handlers run on virtual threads where the JVM has them (21+), on platform threads on 17. */
class ThreadsTest {

    @Test
    void threadsAreVirtualExactlyWhenTheJvmHasThem() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        Thread started = Threads.start("tether-test", () -> ran.complete(Thread.currentThread()));
        Thread thread = ran.get(10, TimeUnit.SECONDS);
        assertEquals(started, thread);
        assertTrue(thread.getName().startsWith("tether-test-"), thread.getName());

        boolean jvmHasVirtualThreads = Runtime.version().feature() >= 21;
        assertEquals(jvmHasVirtualThreads, Threads.virtual());
        assertEquals(jvmHasVirtualThreads, isVirtual(thread),
                "JDK " + Runtime.version().feature() + ": virtual threads where available, platform threads otherwise");
        if (!jvmHasVirtualThreads) assertTrue(thread.isDaemon(), "platform handler threads never keep the JVM alive");
    }

    private static boolean isVirtual(Thread thread) throws Exception {
        try {
            Method isVirtual = Thread.class.getMethod("isVirtual");
            return (boolean) isVirtual.invoke(thread);
        } catch (NoSuchMethodException e) {
            return false; // JDK 17 has no virtual threads
        }
    }
}
