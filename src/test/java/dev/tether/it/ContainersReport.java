package dev.tether.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code target/containers-report.txt}: one line per server the tests ran, with its version and how long
 * it took to start and deploy the WAR. Each server's line is kept in a file of its own under
 * {@code target/containers/report/}, and the report is rebuilt from them, so a run of one test class
 * refreshes its line only.
 */
final class ContainersReport {

    private ContainersReport() {
    }

    static synchronized void record(StandaloneServer server) {
        String line = String.format("%-8s %-55s ready after %6d ms (launch to first 426 from the endpoint); its log: %s; JDK %s; %s",
                server.name(), server.version(), server.readyAfter().toMillis(), server.reportedStartup(),
                System.getProperty("java.version"), Instant.now());
        System.out.println("[containers] " + line);
        Path dir = ItEnvironment.work().resolve("report");
        Path report = ItEnvironment.work().getParent().resolve("containers-report.txt");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(server.name() + ".txt"), line + "\n", StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            lines.add("# Tether's demo WAR on standalone containers (mvn -Pcontainers verify)");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().collect(Collectors.toList())) lines.add(Files.readString(f).trim());
            }
            Files.writeString(report, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report, e);
        }
    }
}
