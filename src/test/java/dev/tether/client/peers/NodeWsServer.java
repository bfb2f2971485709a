package dev.tether.client.peers;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Node's {@code ws} echo server ({@code src/test/peers/node/echo-server.js}) as a child process. A missing
 * {@code node} or {@code node_modules} is a failure with instructions, never a skip: a peer test that
 * quietly does not run proves nothing.
 */
final class NodeWsServer implements AutoCloseable {

    static final Path DIRECTORY = Paths.get("src", "test", "peers", "node");

    private final Process process;
    private final int port;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private NodeWsServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static NodeWsServer start() throws Exception {
        requireNode();
        if (!Files.isRegularFile(DIRECTORY.resolve("node_modules").resolve("ws").resolve("package.json"))) {
            throw new AssertionError("Node's ws library is not installed for the peer test: run `npm ci` in "
                    + DIRECTORY.toAbsolutePath() + " (the CI script does this)");
        }
        Process process = new ProcessBuilder(List.of("node", "echo-server.js"))
                .directory(DIRECTORY.toFile())
                .redirectErrorStream(false)
                .start();
        NodeWsServer server;
        try {
            server = new NodeWsServer(process, readPort(process));
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        server.drainStderr();
        return server;
    }

    private static void requireNode() {
        try {
            Process version = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                version.destroyForcibly();
                throw new AssertionError("`node --version` failed: " + output);
            }
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed for the real-peer test and `node` is not on the PATH: "
                    + "install it (Debian: apt-get install nodejs npm), then run `npm ci` in " + DIRECTORY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The script prints "PORT n" once it listens. */
    private static int readPort(Process process) throws Exception {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                line.complete(out.readLine());
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        }, "node-port-reader");
        reader.setDaemon(true);
        reader.start();
        String first;
        try {
            first = line.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("node echo-server.js printed no port within 30 s");
        }
        if (first == null || !first.startsWith("PORT ")) {
            String err = new String(process.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8);
            throw new AssertionError("node echo-server.js did not start: " + first + " " + err);
        }
        return Integer.parseInt(first.substring(5).trim());
    }

    private void drainStderr() {
        Thread drain = new Thread(() -> {
            try (InputStream err = process.getErrorStream()) {
                byte[] buffer = new byte[1024];
                int n;
                while ((n = err.read(buffer)) >= 0) {
                    synchronized (stderr) {
                        if (stderr.size() < 65536) stderr.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "node-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    String url(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    /** What the server wrote to stderr so far, for failure messages. */
    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Stops the process this test started: closing its stdin ends it; force only if it lingers. */
    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
