package dev.tether.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own (pinned to CPU 0 when {@code taskset} is there), spoken to
 * through {@code dev.tether.load.servers.ServerControl}'s line protocol; stopped by its PID.
 */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final int port;

    private ServerProcess(String name, Process process, BufferedReader out, int port) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        this.port = port;
    }

    static ServerProcess start(String name, String mainClass, String javaHome, List<String> jvmFlags, Path log,
            String cpuList) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpuList != null) {
            command.add("taskset");
            command.add("-c");
            command.add(cpuList);
        }
        command.add(Path.of(javaHome, "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) return new ServerProcess(name, process, out, Integer.parseInt(line.substring(6).trim()));
            if (System.nanoTime() > deadline) break;
        }
        process.destroyForcibly();
        throw new IOException(name + " did not start; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory from /proc/PID/status (VmRSS), in bytes. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + pid());
    }

    /** User + system CPU time of the process from /proc/PID/stat, in nanoseconds. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * (1_000_000_000L / ClockTicks.PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code gc} or {@code heap}: the heap in use after the last GC, in bytes. */
    long heapAfterGc(boolean forceGc) throws IOException {
        in.println(forceGc ? "gc" : "heap");
        String line = out.readLine();
        if (line == null || !line.startsWith("HEAP ")) throw new IOException(name + " answered " + line);
        return Long.parseLong(line.split(" ")[1]);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        try {
            in.println("quit");
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel's clock ticks per second (USER_HZ), from getconf; 100 when it cannot be asked. */
    private static final class ClockTicks {
        static final long PER_SECOND = read();

        private static long read() {
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
                String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                p.waitFor(5, TimeUnit.SECONDS);
                return Long.parseLong(s);
            } catch (Exception e) {
                return 100;
            }
        }
    }
}
