package dev.tether.load;

import dev.tether.load.client.LoadClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an idle connection's memory goes: the idle scenario of {@link LoadBenchmark} (same warm-up, same
 * steps, same server JVM flags) against one server, with the server's native memory tracked
 * ({@code -XX:NativeMemoryTracking=summary}, which itself adds a little RSS) and {@code jcmd} snapshots
 * taken before and after the idle connections open: class histograms (each after a full GC: the live
 * heap by class), the native-memory diff, G1's heap sizes, the threads, and the process's memory map.
 * {@code scripts/idle-breakdown.py DIR} turns them into a breakdown per connection.
 *
 * <p>Arguments: {@code SERVER JAVA_HOME CONNECTIONS OUT_DIR [extra server JVM flags...]}.
 */
public final class IdleBreakdown {

    private IdleBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Server server = Server.byId(args[0]);
        String javaHome = args[1];
        int connections = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        List<String> flags = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseG1GC", "-XX:NativeMemoryTracking=summary"));
        flags.addAll(List.of(args).subList(4, args.length));
        String cpus = LoadBenchmark.Options.hasTaskset() ? "0" : null;
        try (LoadClient client = new LoadClient();
             ServerProcess p = ServerProcess.start(server.id, server.mainClass.getName(), javaHome, flags, out.resolve("server.log"), cpus)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", p.port());
            LoadBenchmark.warmUpForIdle(client, address);
            long heapBefore = p.heapAfterGc(true);
            Thread.sleep(1000);
            long rssBefore = p.rssBytes();
            jcmd(javaHome, p.pid(), out.resolve("histo-before.txt"), "GC.class_histogram");
            jcmd(javaHome, p.pid(), out.resolve("nmt-baseline.txt"), "VM.native_memory", "baseline");
            jcmd(javaHome, p.pid(), out.resolve("heapinfo-before.txt"), "GC.heap_info");
            int opened = client.open(address, "/echo", connections, 200, Duration.ofSeconds(120));
            Thread.sleep(3000);
            long heapAfter = p.heapAfterGc(true);
            Thread.sleep(1000);
            long rssAfter = p.rssBytes();
            jcmd(javaHome, p.pid(), out.resolve("histo-after.txt"), "GC.class_histogram");
            jcmd(javaHome, p.pid(), out.resolve("nmt-diff.txt"), "VM.native_memory", "summary.diff");
            jcmd(javaHome, p.pid(), out.resolve("heapinfo-after.txt"), "GC.heap_info");
            jcmd(javaHome, p.pid(), out.resolve("threads.txt"), "Thread.print");
            Files.writeString(out.resolve("smaps.txt"), Files.readString(Path.of("/proc", Long.toString(p.pid()), "smaps")));
            String line = String.format(Locale.ROOT, "%s opened %d RSS %.2f KiB/conn heap %.2f KiB/conn (rss %d -> %d MiB)",
                    server.id, opened, (rssAfter - rssBefore) / 1024.0 / Math.max(1, opened),
                    (heapAfter - heapBefore) / 1024.0 / Math.max(1, opened), rssBefore >> 20, rssAfter >> 20);
            LoadBenchmark.log(line);
            Files.writeString(out.resolve("summary.txt"), line + "\n");
            client.closeAll(Duration.ofSeconds(20));
        }
    }

    private static void jcmd(String javaHome, long pid, Path file, String... command) throws Exception {
        List<String> c = new ArrayList<>(List.of(Path.of(javaHome, "bin", "jcmd").toString(), Long.toString(pid)));
        c.addAll(List.of(command));
        new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
    }
}
