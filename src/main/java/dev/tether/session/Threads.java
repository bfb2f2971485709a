package dev.tether.session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the threads that block on a connection (handlers, client readers): virtual threads where the
 * JVM has them (21+), platform daemon threads on 17. Tether targets 17, so virtual threads are reached
 * through a method handle rather than compiled against.
 */
public final class Threads {

    private static final Logger LOG = Logger.getLogger(Threads.class.getName());
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final MethodHandle START_VIRTUAL = findStartVirtual();

    private Threads() {
    }

    /** Whether threads started here are virtual. */
    public static boolean virtual() {
        return START_VIRTUAL != null;
    }

    /** Starts {@code task} on a new thread named {@code name-N}. */
    public static Thread start(String name, Runnable task) {
        String fullName = name + "-" + COUNTER.incrementAndGet();
        if (START_VIRTUAL != null) {
            try {
                Thread thread = (Thread) START_VIRTUAL.invokeExact(task);
                thread.setName(fullName);
                return thread;
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "virtual thread start failed, using a platform thread", e);
            }
        }
        Thread thread = new Thread(task, fullName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** A factory for executors that want the same kind of threads. */
    public static ThreadFactory factory(String name) {
        return task -> {
            String fullName = name + "-" + COUNTER.incrementAndGet();
            Thread thread = new Thread(task, fullName);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static MethodHandle findStartVirtual() {
        try {
            MethodHandle handle = MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
            LOG.fine("virtual threads available");
            return handle;
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
