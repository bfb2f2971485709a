package dev.tether.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo WAR as maven-war-plugin lays it out, exploded and built from what this build compiled: the pages
 * of src/main/webapp, Tether and the demos in WEB-INF/classes, Weld and JSON-P in WEB-INF/lib. Laying it out
 * again over an earlier one refreshes every file.
 */
public final class DemoWar {

    private static final Path PAGES = Path.of("src", "main", "webapp");

    private DemoWar() {
    }

    /** Lays the WAR out in {@code war} and returns it. */
    public static Path layOut(Path war) throws IOException, URISyntaxException {
        copyTree(PAGES, war);
        copyTree(codeSource(dev.tether.WebSocket.class), war.resolve("WEB-INF/classes"));
        Path lib = Files.createDirectories(war.resolve("WEB-INF/lib"));
        for (Class<?> bundled : List.of(org.jboss.weld.environment.servlet.EnhancedListener.class,
                jakarta.json.Json.class, org.eclipse.parsson.JsonProviderImpl.class)) {
            Path jar = codeSource(bundled);
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return war;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
