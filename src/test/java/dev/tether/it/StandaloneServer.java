package dev.tether.it;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A running standalone server with the demo WAR deployed, as a test sees it: where the demos answer, what
 * the server says about itself, and its logs for failure messages.
 */
final class StandaloneServer implements AutoCloseable {

    private final String name;
    private final ServerProcess process;
    private final int httpPort;
    private final Supplier<List<Path>> logs;
    private final Supplier<Path> connectionLog;
    private String version = "?";
    private Duration readyAfter;
    private Supplier<String> reportedStartup = () -> "?";

    /**
     * @param logs what to show when something fails, most useful first (asked when needed: servers create
     *     some of their log files late, Tomcat dates them)
     * @param connectionLog where the container writes Tether's {@code dev.tether.connections} lines
     */
    StandaloneServer(String name, ServerProcess process, int httpPort, Supplier<List<Path>> logs,
                     Supplier<Path> connectionLog) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.logs = logs;
        this.connectionLog = connectionLog;
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    /** The ws:// address of a path on this server, such as {@code /tether/ws-echo}. */
    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + httpPort + path);
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The version the server printed while starting, such as {@code Apache Tomcat/11.0.25}. */
    String version() {
        return version;
    }

    /** From launch to the demo endpoint answering: starting the server and deploying the WAR. */
    Duration readyAfter() {
        return readyAfter;
    }

    /** The server's own account of its start-up (and deployment) time, from its log. */
    String reportedStartup() {
        return reportedStartup.get();
    }

    Path connectionLog() {
        return connectionLog.get();
    }

    long pid() {
        return process.pid();
    }

    /** @param reportedStartup reads the server's own start-up figures from its log (some come after readiness) */
    void started(String version, Duration readyAfter, Supplier<String> reportedStartup) {
        this.version = version;
        this.readyAfter = readyAfter;
        this.reportedStartup = reportedStartup;
    }

    /** The tails of the server's logs, for assertion messages. */
    String diagnostics() {
        return logs.get().stream().map(log -> Logs.tail(log, 60)).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name + " (" + version + ", PID " + process.pid() + ", port " + httpPort + ")";
    }
}
