package dev.tether.load;

import dev.tether.load.client.LoadClient;
import dev.tether.load.client.Stats;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The soak run: N connections echo for M minutes against Tether (a server JVM of its own, Tether on Jetty
 * by default), and then the verdict:
 * <ul>
 *   <li>nothing lost: every message sent came back once the senders stopped;</li>
 *   <li>nothing reordered or damaged: per connection, sequence numbers come back in order, and every
 *       payload byte is checked against the pattern it was sent with;</li>
 *   <li>no connection dropped;</li>
 *   <li>a flat heap: every 5 s the server's heap in use after its last GC, and every 30 s after a forced
 *       full GC (the live set); first against last, and the least-squares slope of the live set.</li>
 * </ul>
 * Options: {@code --connections N --minutes M --size BYTES --in-flight K --server tether-jetty|tether-tomcat
 * --jdk JAVA_HOME --out DIR}. Writes {@code soak-N-Mmin.json} and {@code .md}; exits 1 when a check fails.
 */
public final class SoakRun {

    private static final long SAMPLE_MILLIS = 5_000;
    private static final long FULL_GC_MILLIS = 30_000;

    public static void main(String[] args) throws Exception {
        int connections = 1000;
        double minutes = 3;
        int size = 128;
        int inFlight = 1;
        Server server = Server.TETHER_JETTY;
        String jdk = System.getProperty("java.home");
        Path out = Path.of("target", "load");
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--connections" -> connections = Integer.parseInt(v);
                case "--minutes" -> minutes = Double.parseDouble(v);
                case "--size" -> size = Integer.parseInt(v);
                case "--in-flight" -> inFlight = Integer.parseInt(v);
                case "--server" -> server = Server.byId(v);
                case "--jdk" -> jdk = v;
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.exit(run(connections, minutes, size, inFlight, server, jdk, out) ? 0 : 1);
    }

    private record Sample(double seconds, long heapAfterGc, boolean full, long received, long rss) {
    }

    static boolean run(int connections, double minutes, int size, int inFlight, Server server, String jdk, Path out) throws Exception {
        Instant start = Instant.now();
        String loadBefore = LoadBenchmark.Options.loadAverage();
        String tag = "soak-" + connections + "-" + format(minutes) + "min";
        LoadBenchmark.log(tag + ": " + connections + " connections, " + size + " B messages, " + inFlight + " in flight each, "
                + server.label + " on " + jdk + "; load average " + loadBefore);
        List<Sample> samples = new ArrayList<>();
        Stats end;
        boolean quiet;
        int opened;
        long rssStart;
        long rssEnd;
        String cpus = LoadBenchmark.Options.hasTaskset() ? "0" : null;
        // The server logs how each connection ended (dev.tether.connections at FINE) into its log file.
        Files.createDirectories(out.resolve("logs"));
        Path logging = out.resolve("logs").resolve("soak-logging.properties");
        Files.writeString(logging, "handlers=java.util.logging.ConsoleHandler\n"
                + "java.util.logging.ConsoleHandler.level=FINE\n"
                + "dev.tether.connections.level=FINE\n");
        try (LoadClient client = new LoadClient();
                ServerProcess process = ServerProcess.start(server.id, server.mainClass.getName(), jdk,
                        List.of("-Xmx2g", "-XX:+UseG1GC", "-Djava.util.logging.config.file=" + logging), out.resolve("logs").resolve(tag + ".log"), cpus)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", process.port());
            opened = client.open(address, "/echo", connections, 200, Duration.ofSeconds(120));
            LoadBenchmark.log("  " + opened + " connections open; echoing for " + format(minutes) + " min");
            client.resetStats();
            client.startEcho(size, inFlight, true);
            long t0 = System.nanoTime();
            long endAt = t0 + (long) (minutes * 60e9);
            long nextFull = t0 + FULL_GC_MILLIS * 1_000_000;
            rssStart = process.rssBytes();
            long lastReceived = 0;
            while (System.nanoTime() < endAt) {
                Thread.sleep(Math.min(SAMPLE_MILLIS, Math.max(1, (endAt - System.nanoTime()) / 1_000_000)));
                boolean full = System.nanoTime() >= nextFull;
                if (full) nextFull += FULL_GC_MILLIS * 1_000_000;
                long heap = process.heapAfterGc(full);
                Stats s = client.stats();
                double at = (System.nanoTime() - t0) / 1e9;
                samples.add(new Sample(at, heap, full, s.received, process.rssBytes()));
                LoadBenchmark.log(String.format(Locale.ROOT, "  %5.0f s  %,9.0f msg/s  heap after GC %6.1f MiB%s  open %d  errors %d",
                        at, (s.received - lastReceived) / (SAMPLE_MILLIS / 1000.0), heap / 1048576.0, full ? " (full GC)" : "",
                        s.open, s.errors()));
                lastReceived = s.received;
            }
            client.stopSending();
            quiet = client.awaitQuiet(Duration.ofSeconds(30));
            end = client.stats();
            rssEnd = process.rssBytes();
            client.closeAll(Duration.ofSeconds(30));
        }
        long lost = end.sent - end.received;
        List<Sample> fulls = samples.stream().filter(Sample::full).toList();
        double slope = slopeMiBPerMinute(fulls);
        double slopeAll = slopeMiBPerMinute(samples);
        Sample firstFull = fulls.isEmpty() ? null : fulls.get(0);
        Sample lastFull = fulls.isEmpty() ? null : fulls.get(fulls.size() - 1);
        boolean flat = fulls.size() < 2 || Math.abs(lastFull.heapAfterGc - firstFull.heapAfterGc) < 32L * 1048576
                || Math.abs(slope) < 2.0;
        boolean ok = opened == connections && lost == 0 && quiet && end.outOfOrder == 0 && end.corrupt == 0
                && end.wrongLength == 0 && end.unexpectedCloses == 0 && flat;

        StringBuilder md = new StringBuilder();
        md.append("# Soak: ").append(connections).append(" connections, ").append(format(minutes)).append(" min\n\n");
        md.append("- server: ").append(server.label).append(", JVM ").append(jdk).append(" -Xmx2g, pinned to CPU 0\n");
        md.append("- started ").append(start).append(", load average at start ").append(loadBefore)
                .append(", at end ").append(LoadBenchmark.Options.loadAverage()).append('\n');
        md.append("- messages: ").append(size).append(" B binary, ").append(inFlight)
                .append(" in flight per connection, every payload byte verified\n\n");
        md.append("| check | result |\n|---|---|\n");
        row(md, "connections opened", opened + " of " + connections);
        row(md, "messages echoed", String.format(Locale.ROOT, "%,d (%,.0f msg/s)", end.received, end.received / end.seconds()));
        row(md, "lost (sent − received after the senders stopped)", Long.toString(lost) + (quiet ? "" : " (still in flight after 30 s)"));
        row(md, "out of order", Long.toString(end.outOfOrder));
        row(md, "damaged (wrong length or bytes)", Long.toString(end.corrupt + end.wrongLength));
        row(md, "connections dropped by the server", Long.toString(end.unexpectedCloses));
        row(md, "pings answered (Tether's heartbeat)", Long.toString(end.pings));
        row(md, "latency p50 / p99 / p99.9 / max", String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.0f ms",
                end.latency.percentile(50) / 1e6, end.latency.percentile(99) / 1e6, end.latency.percentile(99.9) / 1e6,
                end.latency.max() / 1e6));
        if (firstFull != null) {
            row(md, "live heap after full GC, first → last", String.format(Locale.ROOT, "%.1f MiB (%.0f s) → %.1f MiB (%.0f s)",
                    firstFull.heapAfterGc / 1048576.0, firstFull.seconds, lastFull.heapAfterGc / 1048576.0, lastFull.seconds));
            row(md, "live heap slope (least squares over " + fulls.size() + " full GCs)", String.format(Locale.ROOT, "%+.2f MiB/min", slope));
        }
        row(md, "heap after any GC, slope over " + samples.size() + " samples", String.format(Locale.ROOT, "%+.2f MiB/min", slopeAll));
        row(md, "server RSS start → end", String.format(Locale.ROOT, "%.0f → %.0f MiB", rssStart / 1048576.0, rssEnd / 1048576.0));
        row(md, "load client CPU (selector thread)", String.format(Locale.ROOT, "%.0f%% of a core", end.clientThreadCpuPercent()));
        row(md, "verdict", ok ? "PASS" : "FAIL");
        md.append("\n| t (s) | heap after GC (MiB) | full GC | messages received |\n|---:|---:|---|---:|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %.0f | %.1f | %s | %,d |\n", s.seconds, s.heapAfterGc / 1048576.0, s.full ? "yes" : "",
                    s.received));
        }

        StringBuilder json = new StringBuilder("{\n");
        json.append(String.format(Locale.ROOT, "  \"connections\": %d, \"opened\": %d, \"minutes\": %s, \"size\": %d, \"inFlight\": %d,\n",
                connections, opened, format(minutes), size, inFlight));
        json.append(String.format(Locale.ROOT, "  \"server\": \"%s\", \"jdk\": \"%s\", \"start\": \"%s\", \"loadAverageAtStart\": \"%s\",\n",
                server.id, jdk, start, loadBefore));
        json.append(String.format(Locale.ROOT, "  \"sent\": %d, \"received\": %d, \"lost\": %d, \"outOfOrder\": %d, \"corrupt\": %d,"
                        + " \"wrongLength\": %d, \"droppedConnections\": %d, \"pings\": %d,\n",
                end.sent, end.received, lost, end.outOfOrder, end.corrupt, end.wrongLength, end.unexpectedCloses, end.pings));
        json.append(String.format(Locale.ROOT, "  \"messagesPerSecond\": %.1f, \"p50ms\": %.3f, \"p99ms\": %.3f, \"p999ms\": %.3f, \"maxMs\": %.3f,\n",
                end.received / end.seconds(), end.latency.percentile(50) / 1e6, end.latency.percentile(99) / 1e6,
                end.latency.percentile(99.9) / 1e6, end.latency.max() / 1e6));
        json.append(String.format(Locale.ROOT, "  \"liveHeapSlopeMiBPerMinute\": %.3f, \"heapAfterGcSlopeMiBPerMinute\": %.3f,"
                + " \"rssStart\": %d, \"rssEnd\": %d, \"clientCpuPercent\": %.1f, \"pass\": %s,\n",
                slope, slopeAll, rssStart, rssEnd, end.clientThreadCpuPercent(), ok));
        json.append("  \"samples\": [");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            json.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"seconds\": %.1f, \"heapAfterGc\": %d, \"fullGc\": %s, \"received\": %d, \"rss\": %d}",
                    s.seconds, s.heapAfterGc, s.full, s.received, s.rss));
        }
        json.append("\n  ]\n}\n");
        Files.createDirectories(out);
        Files.writeString(out.resolve(tag + ".md"), md);
        Files.writeString(out.resolve(tag + ".json"), json);
        System.out.println();
        System.out.print(md);
        return ok;
    }

    private static void row(StringBuilder md, String check, String result) {
        md.append("| ").append(check).append(" | ").append(result).append(" |\n");
    }

    /** Least-squares slope of heap (MiB) against time (minutes); 0 with fewer than two samples. */
    private static double slopeMiBPerMinute(List<Sample> samples) {
        int n = samples.size();
        if (n < 2) return 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Sample s : samples) {
            double x = s.seconds / 60.0;
            double y = s.heapAfterGc / 1048576.0;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
