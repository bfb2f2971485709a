package dev.tether.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A server started from its distribution's own launcher, in a process of its own, with everything it
 * prints in one file. Stopped by the PID it was started with: the whole process tree (launch scripts such
 * as WildFly's {@code standalone.sh} keep the JVM as a child), politely first (SIGTERM: the servers shut
 * down cleanly), forcibly after a grace period. A shutdown hook stops it too if the test JVM ends first.
 */
final class ServerProcess implements AutoCloseable {

    /** What a readiness probe answers. */
    interface Probe {
        /** True when the server is ready; false to wait on; throws AssertionError for a failure not worth waiting on. */
        boolean ready() throws Exception;
    }

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path output;
    private final long launchedNanos;
    private final Thread shutdownHook;

    private ServerProcess(String name, Process process, Path output, long launchedNanos) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.launchedNanos = launchedNanos;
        this.shutdownHook = new Thread(this::kill, name + "-killer");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static ServerProcess launch(String name, List<String> command, Path directory, Map<String, String> environment,
                                Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        Process process = builder.start();
        System.out.println("[containers] " + name + ": started PID " + process.pid() + ": " + String.join(" ", command));
        return new ServerProcess(name, process, output, launched);
    }

    long pid() {
        return process.pid();
    }

    /** Everything the server printed (its console). */
    Path output() {
        return output;
    }

    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /**
     * Polls {@code probe} until it says ready, the process dies, or {@code limit} passes; the last two fail
     * with {@code diagnostics} (log tails) in the message.
     *
     * @return the time from launch to ready
     */
    Duration awaitReady(Duration limit, Probe probe, Supplier<String> diagnostics) throws InterruptedException {
        long deadline = launchedNanos + limit.toNanos();
        Exception lastProbeFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with status " + process.exitValue() + " before it was ready\n"
                        + diagnostics.get());
            }
            try {
                if (probe.ready()) return sinceLaunch();
            } catch (AssertionError failure) {
                throw new AssertionError(name + ": " + failure.getMessage() + "\n" + diagnostics.get(), failure);
            } catch (Exception e) {
                lastProbeFailure = e; // not listening yet, or mid-deployment
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(name + " was not ready within " + limit.toSeconds() + " s (last probe: "
                        + lastProbeFailure + ")\n" + diagnostics.get());
            }
            Thread.sleep(250);
        }
    }

    /** Stops the whole process tree: SIGTERM, then SIGKILL for what is left after the grace period. */
    @Override
    public void close() {
        List<ProcessHandle> tree = tree();
        // Children first: a launch script forwards signals, but the JVM under it must get one for sure.
        for (int i = tree.size() - 1; i >= 0; i--) tree.get(i).destroy();
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notAllGone) {
            System.out.println("[containers] " + name + ": not stopped within " + GRACE.toSeconds() + " s, killing it");
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        System.out.println("[containers] " + name + ": stopped (PID " + process.pid() + ")");
    }

    private void kill() {
        List<ProcessHandle> tree = tree();
        for (int i = tree.size() - 1; i >= 0; i--) tree.get(i).destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process and its live descendants, parents before children. */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        return tree;
    }
}
