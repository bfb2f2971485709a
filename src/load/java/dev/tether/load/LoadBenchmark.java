package dev.tether.load;

import dev.tether.load.client.LoadClient;
import dev.tether.load.client.Stats;
import dev.tether.load.report.Metric;
import dev.tether.load.report.Report;
import dev.tether.load.report.Result;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark: every scenario against every server in one run, with the same load client and the
 * same parameters. This JVM is the load client (pin it with {@code taskset -c 1}); each server runs in a
 * JVM of its own on CPU 0 and is stopped by PID at the end.
 *
 * <p>Scenario by scenario, each server in turn (so that servers compared in a row were measured minutes
 * apart, not a quarter of an hour): echo of 64 B and 4 KiB messages over 1 and 100 connections with 10 in
 * flight each; 1 MiB and 16 MiB messages one after another; a broadcast to 1,000 connections; then 10,000
 * idle connections on a fresh server JVM per server and JDK (17 and 25), for the memory each costs.
 *
 * <p>Options: {@code --warmup S --measure S --servers a,b --scenarios a,b --idle N --room N --out DIR
 * --jdk25 JAVA_HOME --server-jdk JAVA_HOME --server-flag FLAG --server-cpus LIST}. Writes {@code results.json}, {@code results.md} and {@code results.svg} into the output
 * directory (default {@code target/load}).
 */
public final class LoadBenchmark {

    private final Options options;
    private final List<Result> results = new ArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LoadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new LoadBenchmark(options).run();
    }

    private void run() throws Exception {
        Instant start = Instant.now();
        String loadBefore = Options.loadAverage();
        log("load benchmark: servers " + options.servers + ", scenarios " + options.scenarios + ", load average " + loadBefore);
        Map<Server, ServerProcess> running = new EnumMap<>(Server.class);
        try (LoadClient client = new LoadClient()) {
            for (Server server : options.servers) {
                running.put(server, startServer(server, options.jdk17, "jdk17"));
            }
            for (String scenario : options.scenarios) {
                if (scenario.startsWith("idle")) continue;
                for (Server server : options.servers) {
                    ServerProcess process = running.get(server);
                    if (!process.isAlive()) {
                        log(server.id + " died; restarting");
                        process = startServer(server, options.jdk17, "jdk17");
                        running.put(server, process);
                    }
                    results.add(measure(client, scenario, server, process));
                    write(start, loadBefore);
                }
            }
            for (ServerProcess p : running.values()) p.close();
            running.clear();
            for (String scenario : options.scenarios) {
                if (!scenario.startsWith("idle")) continue;
                String jdk = scenario.endsWith("25") ? options.jdk25 : options.jdk17;
                if (jdk == null || !Files.isExecutable(Path.of(jdk, "bin", "java"))) {
                    log("skipping " + scenario + ": no JDK at " + jdk);
                    continue;
                }
                for (Server server : options.servers) {
                    try (ServerProcess process = startServer(server, jdk, scenario)) {
                        results.add(idle(client, scenario, server, process));
                    }
                    write(start, loadBefore);
                }
            }
        } finally {
            for (ServerProcess p : running.values()) p.close();
        }
        write(start, loadBefore);
        log("done in " + Duration.between(start, Instant.now()).toSeconds() + " s; load average now " + Options.loadAverage()
                + "; results in " + options.out.toAbsolutePath());
    }

    private ServerProcess startServer(Server server, String javaHome, String tag) throws Exception {
        List<String> flags = new ArrayList<>(options.serverFlags);
        Path log = options.out.resolve("logs").resolve(server.id + "-" + tag + ".log");
        ServerProcess p = ServerProcess.start(server.id, server.mainClass.getName(), javaHome, flags, log, options.serverCpus);
        log("started " + server.label + " (" + tag + ") pid " + p.pid() + " port " + p.port());
        return p;
    }

    // ---------------------------------------------------------------- scenarios

    private Result measure(LoadClient client, String scenario, Server server, ServerProcess process) throws Exception {
        switch (scenario) {
            case "echo-64B-1":
                return echo(client, scenario, "echo 64 B, 1 connection", server, process, 64, 1);
            case "echo-64B-100":
                return echo(client, scenario, "echo 64 B, 100 connections", server, process, 64, 100);
            case "echo-4KiB-1":
                return echo(client, scenario, "echo 4 KiB, 1 connection", server, process, 4096, 1);
            case "echo-4KiB-100":
                return echo(client, scenario, "echo 4 KiB, 100 connections", server, process, 4096, 100);
            case "bulk-1MiB":
                return bulk(client, scenario, "1 MiB messages, one at a time", server, process, 1 << 20);
            case "bulk-16MiB":
                return bulk(client, scenario, "16 MiB messages, one at a time", server, process, 16 << 20);
            case "broadcast":
                return broadcast(client, scenario, "broadcast, " + options.room + " clients", server, process);
            default:
                throw new IllegalArgumentException("no scenario " + scenario);
        }
    }

    private Result echo(LoadClient client, String id, String label, Server server, ServerProcess process, int size, int connections)
            throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", process.port());
        int opened = client.open(address, "/echo", connections, 100, Duration.ofSeconds(30));
        client.startEcho(size, options.inFlight, false);
        Measurement m = window(client, process, options.warmup, options.measure);
        client.stopSending();
        boolean quiet = client.awaitQuiet(Duration.ofSeconds(5));
        client.closeAll(Duration.ofSeconds(5));
        Stats s = m.stats;
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.higher("messages/s", "msg/s", s.received / s.seconds()));
        metrics.add(Metric.lower("p50", "µs", s.latency.percentile(50) / 1e3));
        metrics.add(Metric.lower("p99", "µs", s.latency.percentile(99) / 1e3));
        metrics.add(Metric.lower("p99.9", "µs", s.latency.percentile(99.9) / 1e3));
        metrics.add(Metric.info("server CPU", "% of a core", m.serverCpuPercent));
        metrics.add(Metric.info("load client CPU", "% of a core", s.clientThreadCpuPercent()));
        String note = notes(s, opened, connections, quiet);
        return result(id, label, server, metrics, note, m);
    }

    private Result bulk(LoadClient client, String id, String label, Server server, ServerProcess process, int size) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", process.port());
        int opened = client.open(address, "/echo", 1, 1, Duration.ofSeconds(30));
        client.startEcho(size, 1, false);
        Measurement m = window(client, process, Math.max(1, options.warmup / 2), Math.max(2, options.measure * 2 / 3));
        client.stopSending();
        boolean quiet = client.awaitQuiet(Duration.ofSeconds(20));
        client.closeAll(Duration.ofSeconds(5));
        Stats s = m.stats;
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.higher("throughput", "MB/s", s.bytes / s.seconds() / 1e6));
        metrics.add(Metric.higher("messages/s", "msg/s", s.received / s.seconds()));
        metrics.add(Metric.lower("round trip p50", "ms", s.latency.percentile(50) / 1e6));
        metrics.add(Metric.info("server CPU", "% of a core", m.serverCpuPercent));
        metrics.add(Metric.info("load client CPU", "% of a core", s.clientThreadCpuPercent()));
        return result(id, label, server, metrics, notes(s, opened, 1, quiet), m);
    }

    private Result broadcast(LoadClient client, String id, String label, Server server, ServerProcess process) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", process.port());
        int opened = client.open(address, "/broadcast", options.room, 100, Duration.ofSeconds(60));
        Thread.sleep(1000); // every server has registered its members
        client.startBroadcast(64, options.inFlight);
        Measurement m = window(client, process, options.warmup, options.measure);
        client.stopSending();
        boolean quiet = client.awaitQuiet(Duration.ofSeconds(10));
        client.closeAll(Duration.ofSeconds(10));
        Stats s = m.stats;
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.higher("deliveries/s", "msg/s", s.received / s.seconds()));
        metrics.add(Metric.higher("messages sent/s", "msg/s", s.completedBroadcasts / s.seconds()));
        metrics.add(Metric.lower("last delivery p50", "ms", s.lastDelivery.percentile(50) / 1e6));
        metrics.add(Metric.lower("last delivery p99", "ms", s.lastDelivery.percentile(99) / 1e6));
        metrics.add(Metric.lower("delivery p99", "ms", s.latency.percentile(99) / 1e6));
        metrics.add(Metric.info("server CPU", "% of a core", m.serverCpuPercent));
        metrics.add(Metric.info("load client CPU", "% of a core", s.clientThreadCpuPercent()));
        return result(id, label, server, metrics, notes(s, opened, options.room, quiet), m);
    }

    /**
     * Warms a fresh server a little (ten connections echo for a second, then close), so that what the first
     * connection loads is not counted per idle connection. {@link IdleBreakdown} measures after the same.
     */
    static void warmUpForIdle(LoadClient client, InetSocketAddress address) throws Exception {
        client.open(address, "/echo", 10, 10, Duration.ofSeconds(30));
        client.startEcho(64, 1, false);
        Thread.sleep(1000);
        client.stopSending();
        client.awaitQuiet(Duration.ofSeconds(5));
        client.closeAll(Duration.ofSeconds(5));
        Thread.sleep(1000);
    }

    private Result idle(LoadClient client, String id, Server server, ServerProcess process) throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", process.port());
        warmUpForIdle(client, address);
        long heapBefore = process.heapAfterGc(true);
        Thread.sleep(1000);
        long rssBefore = process.rssBytes();
        client.resetStats(); // the note counts this scenario's closes only
        long t0 = System.nanoTime();
        int opened = client.open(address, "/echo", options.idle, 200, Duration.ofSeconds(120));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(3000); // let the server settle (handlers parked, buffers released)
        long heapAfter = process.heapAfterGc(true);
        Thread.sleep(1000);
        long rssAfter = process.rssBytes();
        Stats s = client.stats();
        client.closeAll(Duration.ofSeconds(20));
        int n = Math.max(1, opened);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.lower("RSS per connection", "KiB", (rssAfter - rssBefore) / 1024.0 / n));
        metrics.add(Metric.lower("heap per connection", "KiB", (heapAfter - heapBefore) / 1024.0 / n));
        metrics.add(Metric.info("RSS before", "MiB", rssBefore / 1048576.0));
        metrics.add(Metric.info("RSS after", "MiB", rssAfter / 1048576.0));
        metrics.add(Metric.info("connections opened", "", opened));
        metrics.add(Metric.higher("connects/s", "conn/s", opened / openSeconds));
        String jdk = id.endsWith("25") ? "JDK 25" : "JDK 17";
        String label = options.idle + " idle connections, " + jdk;
        String note = opened < options.idle ? "only " + opened + " of " + options.idle + " opened" : "";
        if (s.unexpectedCloses > 0) note += (note.isEmpty() ? "" : ", ") + s.unexpectedCloses + " closed by the server";
        log(String.format(Locale.ROOT, "  %-14s %-22s RSS %.1f KiB/conn, heap %.1f KiB/conn (%d opened)", server.id, label,
                metrics.get(0).value(), metrics.get(1).value(), opened));
        return new Result(id, label, server.id, server.label, server.kind.name(), metrics, note);
    }

    // ---------------------------------------------------------------- measuring

    private static final class Measurement {
        Stats stats;
        double serverCpuPercent;
        double clientProcessCpuPercent;
    }

    private Measurement window(LoadClient client, ServerProcess process, int warmupSeconds, int measureSeconds) throws Exception {
        Thread.sleep(warmupSeconds * 1000L);
        client.resetStats();
        long serverCpu0 = process.cpuNanos();
        long processCpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(measureSeconds * 1000L);
        Measurement m = new Measurement();
        m.stats = client.stats();
        if (!process.isAlive()) log("  the server process exited during the measurement");
        long elapsed = System.nanoTime() - t0;
        m.serverCpuPercent = 100.0 * (process.cpuNanos() - serverCpu0) / elapsed;
        m.clientProcessCpuPercent = 100.0 * (os.getProcessCpuTime() - processCpu0) / elapsed;
        return m;
    }

    private Result result(String id, String label, Server server, List<Metric> metrics, String note, Measurement m) {
        metrics.add(Metric.info("load client process CPU", "% of a core", m.clientProcessCpuPercent));
        log(String.format(Locale.ROOT, "  %-14s %-34s %s %s | client thread %.0f%%, process %.0f%%, server %.0f%%%s", server.id, label,
                Report_format(metrics.get(0).value()), metrics.get(0).unit(), m.stats.clientThreadCpuPercent(),
                m.clientProcessCpuPercent, m.serverCpuPercent, note.isEmpty() ? "" : " [" + note + "]"));
        return new Result(id, label, server.id, server.label, server.kind.name(), metrics, note);
    }

    private static String Report_format(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
    }

    private static String notes(Stats s, int opened, int wanted, boolean quiet) {
        List<String> notes = new ArrayList<>();
        if (opened < wanted) notes.add("only " + opened + " of " + wanted + " connections opened");
        if (s.outOfOrder > 0) notes.add(s.outOfOrder + " out of order");
        if (s.wrongLength > 0) notes.add(s.wrongLength + " of a wrong length");
        if (s.corrupt > 0) notes.add(s.corrupt + " corrupt");
        if (s.unexpectedCloses > 0) notes.add(s.unexpectedCloses + " connections closed by the server");
        if (!quiet) notes.add("messages still in flight after the run");
        // Closes during the warm-up are not in the counters (reset after it): the open count says so.
        if (s.open < opened) notes.add("only " + s.open + " of " + opened + " connections still open at the end");
        if (s.received == 0) notes.add("no message came back");
        return String.join(", ", notes);
    }

    private void write(Instant start, String loadBefore) throws Exception {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("date", start.toString());
        context.put("machine", Options.cpuCount() + " CPUs, " + Options.cpuModel());
        context.put("pinning", options.serverCpus == null ? "none (taskset not found)"
                : "servers on CPU " + options.serverCpus + ", load client on the CPUs it was started on");
        context.put("load average at start", loadBefore);
        context.put("load average at end", Options.loadAverage());
        context.put("server JVM", options.jdk17 + " " + String.join(" ", options.serverFlags));
        context.put("load client", "NIO, one selector thread, " + System.getProperty("java.vm.version"));
        context.put("parameters", "warm-up " + options.warmup + " s, measure " + options.measure + " s (bulk: "
                + Math.max(1, options.warmup / 2) + " s / " + Math.max(2, options.measure * 2 / 3) + " s), " + options.inFlight
                + " messages in flight per connection (broadcast: " + options.inFlight + " messages in flight)");
        context.put("subtitle", "loopback, server pinned to one core, load client to the other; ratios to the best of Jetty, Tomcat, Netty; "
                + start.toString().substring(0, 10));
        new Report(results, context).writeAll(options.out);
    }

    static void log(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Command-line options. */
    static final class Options {
        List<Server> servers = Arrays.asList(Server.values());
        List<String> scenarios = List.of("echo-64B-1", "echo-64B-100", "echo-4KiB-1", "echo-4KiB-100", "bulk-1MiB", "bulk-16MiB",
                "broadcast", "idle-jdk17", "idle-jdk25");
        int warmup = 5;
        int measure = 10;
        int inFlight = 10;
        int idle = 10_000;
        int room = 1_000;
        Path out = Path.of("target", "load");
        String jdk17 = System.getProperty("java.home");
        String jdk25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
        String serverCpus = hasTaskset() ? "0" : null;
        List<String> serverFlags = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC"));

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--servers" -> o.servers = Arrays.stream(v.split(",")).map(Server::byId).toList();
                    case "--scenarios" -> o.scenarios = List.of(v.split(","));
                    case "--warmup" -> o.warmup = Integer.parseInt(v);
                    case "--measure" -> o.measure = Integer.parseInt(v);
                    case "--in-flight" -> o.inFlight = Integer.parseInt(v);
                    case "--idle" -> o.idle = Integer.parseInt(v);
                    case "--room" -> o.room = Integer.parseInt(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--jdk25" -> o.jdk25 = v;
                    case "--server-jdk" -> o.jdk17 = v; // the JDK of the throughput scenarios' servers (default: this one, 17)
                    case "--server-cpus" -> o.serverCpus = v.equals("none") ? null : v;
                    case "--server-flag" -> o.serverFlags.add(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
                i++;
            }
            return o;
        }

        static boolean hasTaskset() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, "taskset"))) return true;
            }
            return false;
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (Exception e) {
                return "unknown";
            }
        }

        static long cpuCount() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
            } catch (Exception e) {
                return Runtime.getRuntime().availableProcessors();
            }
        }

        static String cpuModel() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
            } catch (Exception e) {
                return "";
            }
        }
    }
}
