package dev.tether.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Counts the cases run and passed, per target and section, over the whole test JVM, and writes them to
 * {@code target/conformance-summary.txt} (and standard output) after each conformance test class, so the
 * file holds everything run so far once the last class is done.
 */
public final class ConformanceSummary implements AfterAllCallback {

    static final Path FILE = Paths.get("target", "conformance-summary.txt");

    private static final Map<String, Map<Section, int[]>> COUNTS = new LinkedHashMap<>();
    private static final List<String> FAILURES = new ArrayList<>();
    private static final List<String> NOTES = new ArrayList<>();

    /** A measurement worth reporting beside the counts (heap growth, pongs answered). */
    public static void note(String line) {
        synchronized (COUNTS) {
            NOTES.add(line);
        }
    }

    /** Runs a case and counts it: {@code [0]} run, {@code [1]} passed. */
    static void record(String target, ConformanceCase c, ThrowingRunnable body) throws Throwable {
        boolean passed = false;
        try {
            body.run();
            passed = true;
        } finally {
            synchronized (COUNTS) {
                int[] n = COUNTS.computeIfAbsent(target, t -> new EnumMap<>(Section.class))
                        .computeIfAbsent(c.section(), s -> new int[2]);
                n[0]++;
                if (passed) {
                    n[1]++;
                } else {
                    FAILURES.add(target + "  " + c.displayName());
                }
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Throwable;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String report = report();
        System.out.println(report);
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, report, StandardCharsets.UTF_8);
    }

    static String report() {
        synchronized (COUNTS) {
            StringBuilder s = new StringBuilder();
            s.append("Tether conformance summary (").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                    .append(")\n");
            s.append("Sections follow the Autobahn TestSuite; H = opening handshake, S = robustness.\n\n");
            s.append(String.format("%-8s %-28s %6s %7s%n", "target", "section", "run", "passed"));
            int totalRun = 0;
            int totalPassed = 0;
            for (Map.Entry<String, Map<Section, int[]>> t : COUNTS.entrySet()) {
                int run = 0;
                int passed = 0;
                for (Map.Entry<Section, int[]> e : t.getValue().entrySet()) {
                    s.append(String.format("%-8s %-28s %6d %7d%s%n", t.getKey(), e.getKey(), e.getValue()[0], e.getValue()[1],
                            e.getValue()[0] == e.getValue()[1] ? "" : "   <-- " + (e.getValue()[0] - e.getValue()[1]) + " failed"));
                    run += e.getValue()[0];
                    passed += e.getValue()[1];
                }
                s.append(String.format("%-8s %-28s %6d %7d%n%n", t.getKey(), "all", run, passed));
                totalRun += run;
                totalPassed += passed;
            }
            s.append(String.format("total: %d cases run, %d passed, %d failed%n", totalRun, totalPassed, totalRun - totalPassed));
            if (!NOTES.isEmpty()) {
                s.append("\nnotes:\n");
                for (String n : NOTES) s.append("  ").append(n).append('\n');
            }
            if (!FAILURES.isEmpty()) {
                s.append("\nfailed:\n");
                for (String f : FAILURES) s.append("  ").append(f).append('\n');
            }
            return s.toString();
        }
    }
}
