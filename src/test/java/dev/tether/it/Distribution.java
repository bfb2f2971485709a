package dev.tether.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server distribution as its users get it: the tar.gz from Maven Central, unpacked with {@code tar} (which
 * keeps the scripts executable) once into {@code target/containers/homes}, and reused by later runs. The
 * tests never write into an unpacked home: each run makes a server base of its own beside it.
 */
final class Distribution {

    private static final String UNPACKED_MARKER = ".unpacked";

    private Distribution() {
    }

    /** The home directory (the archive's single top-level directory) of an unpacked distribution. */
    static synchronized Path home(Path archive) throws IOException, InterruptedException {
        String name = archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        Path into = ItEnvironment.work().resolve("homes").resolve(name);
        if (!Files.exists(into.resolve(UNPACKED_MARKER))) unpack(archive, into);
        try (Stream<Path> entries = Files.list(into)) {
            List<Path> dirs = entries.filter(Files::isDirectory).collect(Collectors.toList());
            if (dirs.size() != 1) throw new IllegalStateException("expected one top-level directory in " + archive + ": " + dirs);
            return dirs.get(0);
        }
    }

    private static void unpack(Path archive, Path into) throws IOException, InterruptedException {
        deleteTree(into);
        Files.createDirectories(into);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            tar.destroyForcibly();
            throw new IOException("tar could not unpack " + archive + ": " + output);
        }
        Files.createFile(into.resolve(UNPACKED_MARKER));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted((a, b) -> b.getNameCount() - a.getNameCount())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Copies a directory tree (a distribution's configuration into a server base). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
