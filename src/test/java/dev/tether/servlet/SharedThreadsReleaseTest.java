package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.session.Timers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tether's timer threads stop with the application that owns Tether's classes, and only then. */
class SharedThreadsReleaseTest {

    @Test
    void theTimerThreadStopsWhenItsOwnerStopsAndStartsAgainWhenNeeded() throws Exception {
        Timers.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        assertTrue(timerThreadAlive(), "a timer started the thread");

        new SharedThreadsRelease().contextDestroyed(new jakarta.servlet.ServletContextEvent(
                new ClassLoaderOnlyContext(Timers.class.getClassLoader()).proxy()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (timerThreadAlive() && System.nanoTime() < end) Thread.sleep(10);
        assertFalse(timerThreadAlive(), "no tether-timer thread outlives the application");

        Timers.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        assertTrue(timerThreadAlive(), "a later timer starts a new thread");
    }

    @Test
    void anApplicationThatDoesNotOwnTetherLeavesTheThreadsAlone() {
        assertFalse(SharedThreadsRelease.ownedBy(new ClassLoader(null) { }));
        assertFalse(SharedThreadsRelease.ownedBy(null));
        assertTrue(SharedThreadsRelease.ownedBy(Timers.class.getClassLoader()));
    }

    private static boolean timerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("tether-timer"));
    }

    /** A ServletContext that answers only getClassLoader(). */
    private record ClassLoaderOnlyContext(ClassLoader loader) {
        jakarta.servlet.ServletContext proxy() {
            return (jakarta.servlet.ServletContext) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {jakarta.servlet.ServletContext.class},
                    (p, method, args) -> {
                        if (method.getName().equals("getClassLoader")) return loader;
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
