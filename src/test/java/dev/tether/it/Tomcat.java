package dev.tether.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Standalone Tomcat from its distribution, the way its users run it: a {@code CATALINA_BASE} of its own
 * (configuration copied from the distribution, with the HTTP connector moved to a free loopback port and
 * the shutdown port turned off), WARs dropped into {@code webapps/}, started with {@code bin/catalina.sh run}.
 */
final class Tomcat {

    static final String ARCHIVE = "tether.it.dist.tomcat";
    static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final String instance;
    private final Map<String, Path> wars = new LinkedHashMap<>();
    private final Map<String, String> contextFiles = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();

    private Tomcat(String instance) {
        this.instance = instance;
    }

    /** A server whose base directory is {@code target/containers/<instance>}. */
    static Tomcat instance(String instance) {
        return new Tomcat(instance);
    }

    /** Deploys {@code war} as {@code webapps/<name>.war}: context path {@code /<name>}. */
    Tomcat war(String name, Path war) {
        wars.put(name, war);
        return this;
    }

    /** A context file {@code conf/Catalina/localhost/<name>.xml}: context path {@code /<name>}. */
    Tomcat contextFile(String name, String xml) {
        contextFiles.put(name, xml);
        return this;
    }

    /** A JVM option, through {@code CATALINA_OPTS}. */
    Tomcat jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Starts the server and waits until {@code readinessPath} answers as a WebSocket endpoint. */
    StandaloneServer start(String readinessPath) throws Exception {
        Path home = Distribution.home(ItEnvironment.distribution(ARCHIVE));
        Path base = ItEnvironment.work().resolve(instance);
        Distribution.deleteTree(base);
        for (String dir : List.of("logs", "temp", "webapps", "work")) Files.createDirectories(base.resolve(dir));
        Distribution.copyTree(home.resolve("conf"), base.resolve("conf"));

        int port = FreePorts.next();
        rewrite(base.resolve("conf/server.xml"), Map.of(
                "<Server port=\"8005\"", "<Server port=\"-1\"",
                "<Connector port=\"8080\" protocol=\"HTTP/1.1\"", "<Connector address=\"127.0.0.1\" port=\"" + port + "\" protocol=\"HTTP/1.1\""));
        // Tether's per-connection lines (deployment guide: "Logging"); Tomcat's handlers already pass FINE.
        Files.writeString(base.resolve("conf/logging.properties"), "\ndev.tether.connections.level = FINE\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), base.resolve("webapps").resolve(war.getKey() + ".war"));
        }
        Path contexts = Files.createDirectories(base.resolve("conf/Catalina/localhost"));
        for (Map.Entry<String, String> file : contextFiles.entrySet()) {
            Files.writeString(contexts.resolve(file.getKey() + ".xml"), file.getValue(), StandardCharsets.UTF_8);
        }

        Path console = base.resolve("logs/console.out");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", ItEnvironment.javaHome().toString());
        env.put("JRE_HOME", ItEnvironment.javaHome().toString());
        env.put("CATALINA_HOME", home.toString());
        env.put("CATALINA_BASE", base.toString());
        env.put("CATALINA_OPTS", String.join(" ", jvmOptions));
        ServerProcess process = ServerProcess.launch("Tomcat", List.of(home.resolve("bin/catalina.sh").toString(), "run"),
                base, env, console);
        StandaloneServer server = new StandaloneServer("Tomcat", process, port,
                () -> List.of(console, latest(base, "localhost.")), () -> latest(base, "catalina."));
        try {
            Duration ready = process.awaitReady(READY_WITHIN, new EndpointProbe(server.http(readinessPath),
                    () -> Logs.find(console, Pattern.compile("(Context \\[[^\\]]*\\] startup failed[^\\n]*|"
                            + "One or more listeners failed to start[^\\n]*|Error deploying web application archive[^\\n]*)"))
                            .orElse(null)),
                    server::diagnostics);
            String version = Logs.find(console, Pattern.compile("Server version name:\\s*(.+)")).orElse("?").trim();
            server.started(version, ready, () -> "server startup "
                    + Logs.find(console, Pattern.compile("Server startup in \\[?([0-9,.]+)\\]? milliseconds")).orElse("?")
                    + " ms, WAR deployment " + Logs.find(console, Pattern.compile(
                            "Deployment of web application archive \\[[^\\]]*\\] has finished in \\[([0-9,.]+)\\] ms"))
                            .orElse("?") + " ms");
            return server;
        } catch (Throwable e) {
            server.close();
            throw e;
        }
    }

    /**
     * The newest of Tomcat's dated log files with this prefix: {@code localhost.} gets what goes wrong inside
     * an application (listener and servlet failures), {@code catalina.} everything logged through JUL.
     */
    private static Path latest(Path base, String prefix) {
        List<Path> logs = Logs.filesStartingWith(base.resolve("logs"), prefix);
        return logs.isEmpty() ? base.resolve("logs").resolve(prefix + "log") : logs.get(logs.size() - 1);
    }

    private static void rewrite(Path file, Map<String, String> replacements) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            if (!text.contains(r.getKey())) throw new IllegalStateException(file + " no longer contains " + r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
