package dev.tether.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the container integration tests find what the build made and fetched, as the {@code containers}
 * profile passes it (system properties of the failsafe JVM); the defaults fit a run from the project
 * directory after {@code mvn -Pcontainers package dependency:copy@container-distributions}.
 */
final class ItEnvironment {

    private ItEnvironment() {
    }

    /** Scratch space of these tests: unpacked distributions (kept between runs), server bases, nginx prefixes. */
    static Path work() {
        return Paths.get(System.getProperty("tether.it.work", "target/containers")).toAbsolutePath();
    }

    /** The demo WAR for Tomcat and Jetty (it bundles Weld and JSON-P). */
    static Path demoWar() {
        return existing("tether.it.war", "the demo WAR (mvn package)");
    }

    /** The demo WAR for WildFly (classifier {@code wildfly}: no Weld, no JSON-P). */
    static Path wildflyWar() {
        return existing("tether.it.war.wildfly", "the WildFly demo WAR (mvn package)");
    }

    /** A container distribution fetched from Maven Central by the profile, by its system property. */
    static Path distribution(String property) {
        return existing(property, "a container distribution (the containers profile copies it from Maven Central)");
    }

    /** The JDK the tests run on; the containers run on it too. */
    static Path javaHome() {
        return Paths.get(System.getProperty("java.home"));
    }

    static Path java() {
        return javaHome().resolve("bin").resolve("java");
    }

    /** Debian's nginx: {@code tether.it.nginx}, else /usr/sbin/nginx, else the PATH. */
    static Path nginx() {
        String configured = System.getProperty("tether.it.nginx");
        if (configured != null && !configured.isBlank()) return Paths.get(configured);
        Path debian = Paths.get("/usr/sbin/nginx");
        if (Files.isExecutable(debian)) return debian;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Paths.get(dir, "nginx");
                if (Files.isExecutable(candidate)) return candidate;
            }
        }
        throw new AssertionError("nginx is not installed (Debian: apt-get install -y nginx); .ci/run installs it");
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + property + " (" + what + ") is not set: run with mvn -Pcontainers verify");
        }
        Path path = Paths.get(value).toAbsolutePath();
        if (!Files.exists(path)) throw new AssertionError(what + " is missing: " + path);
        return path;
    }
}
