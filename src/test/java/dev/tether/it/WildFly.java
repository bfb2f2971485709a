package dev.tether.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Standalone WildFly from {@code wildfly-dist}, the way its users run it: a server base directory of its own
 * (a copy of the distribution's {@code standalone/}), the WAR dropped into {@code deployments/} (the
 * deployment scanner writes {@code <war>.deployed} or {@code <war>.failed} beside it), started with
 * {@code bin/standalone.sh} bound to loopback with every port shifted by a free offset.
 */
final class WildFly {

    static final String ARCHIVE = "tether.it.dist.wildfly";
    static final Duration READY_WITHIN = Duration.ofMinutes(4);
    /** The socket bindings of standalone.xml that open a port: http, https, management http/https, transactions. */
    private static final int[] BASE_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};
    private static final String ROOT_LOGGER = "<root-logger>";
    /** Tether's per-connection lines in server.log: JUL's FINE is DEBUG in WildFly's logging subsystem. */
    private static final String CONNECTIONS_LOGGER =
            "<logger category=\"dev.tether.connections\"><level name=\"DEBUG\"/></logger>\n            ";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss,SSS");

    private final String instance;
    private final Path war;
    private final String warName;

    private WildFly(String instance, String warName, Path war) {
        this.instance = instance;
        this.warName = warName;
        this.war = war;
    }

    /** Deploys {@code war} as {@code deployments/<warName>.war}: context path {@code /<warName>}. */
    static WildFly instance(String instance, String warName, Path war) {
        return new WildFly(instance, warName, war);
    }

    StandaloneServer start(String readinessPath) throws Exception {
        Path home = Distribution.home(ItEnvironment.distribution(ARCHIVE));
        Path base = ItEnvironment.work().resolve(instance);
        Distribution.deleteTree(base);
        Distribution.copyTree(home.resolve("standalone"), base);
        Path config = base.resolve("configuration/standalone.xml");
        String xml = Files.readString(config, StandardCharsets.UTF_8);
        if (!xml.contains(ROOT_LOGGER)) throw new IllegalStateException(config + " has no " + ROOT_LOGGER);
        Files.writeString(config, xml.replace(ROOT_LOGGER, CONNECTIONS_LOGGER + ROOT_LOGGER), StandardCharsets.UTF_8);
        Path deployments = base.resolve("deployments");
        Files.copy(war, deployments.resolve(warName + ".war"));

        int offset = FreePorts.offsetFreeFor(BASE_PORTS);
        int port = 8080 + offset;
        Path console = base.resolve("console.log");
        Path serverLog = base.resolve("log/server.log");
        List<String> command = List.of(home.resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset);
        ServerProcess process = ServerProcess.launch("WildFly", command, base,
                Map.of("JAVA_HOME", ItEnvironment.javaHome().toString()), console);
        StandaloneServer server = new StandaloneServer("WildFly", process, port,
                () -> List.of(serverLog, console), () -> serverLog);
        Path deployed = deployments.resolve(warName + ".war.deployed");
        Path failed = deployments.resolve(warName + ".war.failed");
        try {
            EndpointProbe endpoint = new EndpointProbe(server.http(readinessPath), () -> failureOf(failed));
            Duration ready = process.awaitReady(READY_WITHIN, () -> Files.exists(deployed) && endpoint.ready(),
                    server::diagnostics);
            Pattern startedLine = Pattern.compile("WFLYSRV0025: (WildFly .*?) started in ([0-9]+)ms");
            String version = Logs.find(serverLog, startedLine).orElse("?");
            server.started(version, ready, () -> "server started in "
                    + Logs.find(serverLog, Pattern.compile("WFLYSRV0025: .*? started in ([0-9]+)ms")).orElse("?")
                    + " ms, WAR deployment " + deploymentMillis(serverLog) + " ms");
            return server;
        } catch (Throwable e) {
            server.close();
            throw e;
        }
    }

    private static String failureOf(Path failedMarker) {
        if (!Files.exists(failedMarker)) return null;
        String why = Logs.read(failedMarker);
        return failedMarker.getFileName() + ": " + (why == null ? "" : why.trim());
    }

    /** From "Starting deployment" (WFLYSRV0027) to "Deployed" (WFLYSRV0010), in server.log's timestamps. */
    private static String deploymentMillis(Path serverLog) {
        Optional<String> start = Logs.find(serverLog, Pattern.compile("\\d{4}-\\d\\d-\\d\\d (\\d\\d:\\d\\d:\\d\\d,\\d{3}) [^\\n]*WFLYSRV0027"));
        Optional<String> end = Logs.find(serverLog, Pattern.compile("\\d{4}-\\d\\d-\\d\\d (\\d\\d:\\d\\d:\\d\\d,\\d{3}) [^\\n]*WFLYSRV0010"));
        if (start.isEmpty() || end.isEmpty()) return "?";
        return String.valueOf(Duration.between(LocalTime.parse(start.get(), LOG_TIME), LocalTime.parse(end.get(), LOG_TIME)).toMillis());
    }
}
