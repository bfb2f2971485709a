package dev.tether.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Standalone Jetty 12.1 from {@code jetty-home}, the way its users run it: a {@code JETTY_BASE} made with
 * {@code start.jar --add-modules=}{@value #MODULES}, WARs dropped into its {@code webapps/}, started with
 * {@code java -jar $JETTY_HOME/start.jar} on a free loopback port.
 */
final class Jetty {

    static final String ARCHIVE = "tether.it.dist.jetty";
    /**
     * What a Tether WAR needs: an HTTP connector, the ee11 deployer, annotations (servlet container
     * initializers, which both Tether's endpoint discovery and Weld are) and Jetty's CDI integration.
     */
    static final String MODULES = "http,ee11-deploy,ee11-annotations,ee11-cdi-decorate";
    static final Duration READY_WITHIN = Duration.ofMinutes(3);

    /** java.util.logging for the server JVM: Tether's connection lines at FINE, the rest at INFO, on the console. */
    private static final String JUL_CONFIG = String.join("\n",
            "handlers = java.util.logging.ConsoleHandler",
            "java.util.logging.ConsoleHandler.level = FINE",
            ".level = INFO",
            "dev.tether.connections.level = FINE", "");

    private final String instance;
    private final Map<String, Path> wars = new LinkedHashMap<>();

    private Jetty(String instance) {
        this.instance = instance;
    }

    static Jetty instance(String instance) {
        return new Jetty(instance);
    }

    /** Deploys {@code war} as {@code webapps/<name>.war}: context path {@code /<name>}. */
    Jetty war(String name, Path war) {
        wars.put(name, war);
        return this;
    }

    StandaloneServer start(String readinessPath) throws Exception {
        Path home = Distribution.home(ItEnvironment.distribution(ARCHIVE));
        Path base = ItEnvironment.work().resolve(instance);
        Distribution.deleteTree(base);
        Files.createDirectories(base);
        addModules(home, base);
        // Jetty unpacks WARs into $JETTY_BASE/work when it exists, instead of the shared temporary directory.
        Files.createDirectories(base.resolve("work"));
        // JUL configuration as the deployment guide has users give it: a file in the base, named by a system
        // property in start.d (start.jar sets it before the server starts; no JVM fork needed).
        Path julConfig = base.resolve("resources/logging.properties");
        Files.createDirectories(julConfig.getParent());
        Files.writeString(julConfig, JUL_CONFIG, StandardCharsets.UTF_8);
        Files.writeString(base.resolve("start.d/tether-logging.ini"),
                "-Djava.util.logging.config.file=${jetty.base}/resources/logging.properties\n", StandardCharsets.UTF_8);
        for (Map.Entry<String, Path> war : wars.entrySet()) {
            Files.copy(war.getValue(), base.resolve("webapps").resolve(war.getKey() + ".war"));
        }

        int port = FreePorts.next();
        Path console = base.resolve("console.log");
        List<String> command = List.of(ItEnvironment.java().toString(), "-jar", home.resolve("start.jar").toString(),
                "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port);
        ServerProcess process = ServerProcess.launch("Jetty", command, base, Map.of(), console);
        StandaloneServer server = new StandaloneServer("Jetty", process, port, () -> List.of(console), () -> console);
        try {
            Duration ready = process.awaitReady(READY_WITHIN, new EndpointProbe(server.http(readinessPath),
                    () -> Logs.find(console, Pattern.compile("(Failed startup of context[^\\n]*)")).orElse(null)),
                    server::diagnostics);
            String version = Logs.find(console, Pattern.compile("oejs\\.Server:main: (jetty-[0-9][^;\\s]*)")).orElse("?");
            server.started(version, ready, () -> "server started at "
                    + Logs.find(console, Pattern.compile("Started oejs\\.Server@[^ ]* @([0-9]+)ms")).orElse("?")
                    + " ms of its JVM, first WAR deployed " + deploymentMillis(console) + " ms after the scan began ("
                    + wars.size() + " WARs in webapps/)");
            return server;
        } catch (Throwable e) {
            server.close();
            throw e;
        }
    }

    /** {@code java -jar start.jar --add-modules=...} in the new base, as Jetty's documentation has users do. */
    private static void addModules(Path home, Path base) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ItEnvironment.java().toString(), "-jar",
                home.resolve("start.jar").toString(), "jetty.home=" + home, "jetty.base=" + base, "--add-modules=" + MODULES));
        Process p = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("start.jar --add-modules=" + MODULES + " failed:\n" + output);
        }
    }

    /** From the deployment scanner's first line to the first started web application, in Jetty's timestamps. */
    private static String deploymentMillis(Path console) {
        Pattern stamp = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}):INFO :");
        String log = Logs.read(console);
        if (log == null) return "?";
        String scan = null;
        String started = null;
        for (String line : log.split("\n")) {
            Matcher m = stamp.matcher(line);
            if (!m.find()) continue;
            if (scan == null && line.contains("DeploymentScanner")) scan = m.group(1);
            if (started == null && line.contains("Started oeje11w.WebAppContext")) started = m.group(1);
        }
        if (scan == null || started == null) return "?";
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        return String.valueOf(Duration.between(LocalDateTime.parse(scan, format), LocalDateTime.parse(started, format)).toMillis());
    }
}
