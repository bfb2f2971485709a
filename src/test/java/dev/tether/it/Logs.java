package dev.tether.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reading server log files while the server writes them: tails for failure messages, and searches. */
final class Logs {

    private Logs() {
    }

    /** The last {@code lines} lines of a log, headed by its path; says so when there is no such file yet. */
    static String tail(Path log, int lines) {
        String text = read(log);
        if (text == null) return "(no " + log + ")";
        List<String> all = text.lines().collect(Collectors.toList());
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return "---- last " + last.size() + " lines of " + log + " ----\n" + String.join("\n", last) + "\n----";
    }

    /** The whole log as text, or null when it does not exist (yet). Bytes that are not UTF-8 are replaced. */
    static String read(Path log) {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The first group of the first match of {@code pattern} in the log. */
    static Optional<String> find(Path log, Pattern pattern) {
        String text = read(log);
        if (text == null) return Optional.empty();
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.groupCount() > 0 ? m.group(1) : m.group()) : Optional.empty();
    }

    /** The files of a directory whose names start with {@code prefix} (Tomcat dates its log files). */
    static List<Path> filesStartingWith(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }
}
