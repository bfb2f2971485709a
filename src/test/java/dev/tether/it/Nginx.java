package dev.tether.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a reverse proxy in front of a server, never the system service: a prefix of its own in
 * {@code target/}, the configuration {@code src/test/nginx/nginx.conf} (which includes the deployment guide's
 * {@code deploy/nginx/tether-websocket.conf} as it is), plain HTTP and TLS on free loopback ports, run in the
 * foreground and stopped by its PID.
 */
final class Nginx implements AutoCloseable {

    static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final ServerProcess process;
    private final Path prefix;
    private final int wsPort;
    private final int wssPort;

    private Nginx(ServerProcess process, Path prefix, int wsPort, int wssPort) {
        this.process = process;
        this.prefix = prefix;
        this.wsPort = wsPort;
        this.wssPort = wssPort;
    }

    static Path projectFile(String relative) {
        return Paths.get(System.getProperty("basedir", ".")).resolve(relative).toAbsolutePath();
    }

    /** The snippet users include in their location blocks. */
    static Path websocketSnippet() {
        return projectFile("deploy/nginx/tether-websocket.conf");
    }

    /**
     * Starts nginx proxying to {@code upstream} ({@code host:port}) and waits until {@code readinessPath}
     * answers through it as a WebSocket endpoint (426).
     *
     * @param readTimeout nginx's {@code proxy_read_timeout}: how long a proxied connection may stay quiet
     */
    static Nginx start(Path prefix, String upstream, TestCertificate tls, Duration readTimeout, String readinessPath)
            throws Exception {
        Distribution.deleteTree(prefix);
        for (String dir : List.of("conf", "logs", "temp")) Files.createDirectories(prefix.resolve(dir));
        int wsPort = FreePorts.next();
        int wssPort = FreePorts.next();
        String conf = Files.readString(projectFile("src/test/nginx/nginx.conf"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> token : Map.of(
                "@PREFIX@", prefix.toString(),
                "@UPSTREAM@", upstream,
                "@WS_PORT@", String.valueOf(wsPort),
                "@WSS_PORT@", String.valueOf(wssPort),
                "@CERTIFICATE@", tls.certificate().toString(),
                "@PRIVATE_KEY@", tls.privateKey().toString(),
                "@WEBSOCKET_SNIPPET@", websocketSnippet().toString(),
                "@READ_TIMEOUT@", readTimeout.toMillis() + "ms").entrySet()) {
            conf = conf.replace(token.getKey(), token.getValue());
        }
        if (conf.matches("(?s).*@[A-Z_]+@.*")) throw new IllegalStateException("unfilled token in nginx.conf:\n" + conf);
        Path confFile = prefix.resolve("conf/nginx.conf");
        Files.writeString(confFile, conf, StandardCharsets.UTF_8);

        Path console = prefix.resolve("logs/console.log");
        ServerProcess process = ServerProcess.launch("nginx", command(prefix, confFile), prefix, Map.of(), console);
        Nginx nginx = new Nginx(process, prefix, wsPort, wssPort);
        try {
            process.awaitReady(READY_WITHIN, new EndpointProbe(URI.create("http://127.0.0.1:" + wsPort + readinessPath),
                    () -> null), nginx::diagnostics);
            return nginx;
        } catch (Throwable e) {
            nginx.close();
            throw e;
        }
    }

    /**
     * Runs {@code nginx -t} on a configuration file: syntax, and every file it names (certificates, includes).
     *
     * @return nginx's output when the test failed, null when the configuration is valid
     */
    static String test(Path prefix, Path confFile) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(command(prefix, confFile));
        command.add("-t");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "nginx -t did not finish: " + output;
        }
        return p.exitValue() == 0 ? null : output;
    }

    private static List<String> command(Path prefix, Path confFile) {
        // -e: nginx opens its error log before reading the configuration; keep even that one in the prefix.
        return List.of(ItEnvironment.nginx().toString(), "-p", prefix + "/", "-e", prefix.resolve("logs/error.log").toString(),
                "-c", confFile.toString());
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + wsPort + path);
    }

    URI wss(String path) {
        return URI.create("wss://127.0.0.1:" + wssPort + path);
    }

    int wsPort() {
        return wsPort;
    }

    int wssPort() {
        return wssPort;
    }

    String diagnostics() {
        return Logs.tail(prefix.resolve("logs/error.log"), 40) + "\n" + Logs.tail(prefix.resolve("logs/console.log"), 20);
    }

    /** Stops nginx by its PID (SIGTERM: fast shutdown; the workers go with the master). */
    @Override
    public void close() {
        process.close();
    }
}
