package dev.tether.load.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run's results three ways: {@code results.json} (everything), {@code results.md} (a table per
 * scenario: every metric on every server, with its ratio to the best peer) and {@code results.svg} (one
 * bar per server per scenario, the headline metric relative to the best peer).
 *
 * <p>"Best peer" is the best of Jetty's, Tomcat's and Netty's own WebSockets for that metric; the raw TCP
 * echo is the limit, shown but never the reference.
 */
public final class Report {

    private final List<Result> results;
    private final Map<String, String> context;

    public Report(List<Result> results, Map<String, String> context) {
        this.results = List.copyOf(results);
        this.context = new LinkedHashMap<>(context);
    }

    public void writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), json());
        Files.writeString(dir.resolve("results.md"), markdown());
        Files.writeString(dir.resolve("results.svg"), new BarChart(this).svg());
    }

    List<Result> results() {
        return results;
    }

    Map<String, String> context() {
        return context;
    }

    List<String> scenarios() {
        Set<String> s = new LinkedHashSet<>();
        for (Result r : results) s.add(r.scenario());
        return new ArrayList<>(s);
    }

    List<String> servers() {
        Set<String> s = new LinkedHashSet<>();
        for (Result r : results) s.add(r.server());
        return new ArrayList<>(s);
    }

    Result find(String scenario, String server) {
        for (Result r : results) if (r.scenario().equals(scenario) && r.server().equals(server)) return r;
        return null;
    }

    /** The best peer's value of a metric in a scenario, or NaN when no peer has it. */
    double bestPeer(String scenario, String metric) {
        double best = Double.NaN;
        for (Result r : results) {
            if (!r.scenario().equals(scenario) || !r.serverKind().equals("PEER")) continue;
            Metric m = r.metric(metric);
            if (m == null || !m.ranked() || m.value() < 0 || Double.isNaN(m.value())) continue;
            if (Double.isNaN(best) || (m.higherIsBetter() ? m.value() > best : m.value() < best)) best = m.value();
        }
        return best;
    }

    // ---------------------------------------------------------------- Markdown

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Load benchmark\n\n");
        for (Map.Entry<String, String> e : context.entrySet()) {
            if (e.getKey().equals("subtitle")) continue;
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        md.append("\nEach cell: the value, then in brackets its ratio to the best peer (Jetty, Tomcat or Netty's own"
                + " WebSocket) for that row, oriented so that above 1 is better than the best peer and below 1 worse"
                + " (for latency and memory the ratio is best/value). ")
                .append("The raw TCP echo is the limit, not a peer.\n");
        List<String> servers = servers();
        for (String scenario : scenarios()) {
            Result any = results.stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow();
            md.append("\n## ").append(any.scenarioLabel()).append("\n\n| metric |");
            for (String s : servers) md.append(' ').append(label(s)).append(" |");
            md.append("\n|---|");
            for (int i = 0; i < servers.size(); i++) md.append("---:|");
            md.append('\n');
            for (Metric m : any.metrics()) {
                double best = bestPeer(scenario, m.name());
                md.append("| ").append(m.name()).append(m.unit().isEmpty() ? "" : " (" + m.unit() + ")")
                        .append(!m.ranked() ? "" : m.higherIsBetter() ? " ↑" : " ↓")
                        .append(" |");
                for (String s : servers) {
                    Result r = find(scenario, s);
                    Metric v = r == null ? null : r.metric(m.name());
                    md.append(' ');
                    if (v == null || v.value() < 0) {
                        md.append("–");
                    } else {
                        md.append(format(v.value()));
                        if (!Double.isNaN(best)) md.append(" (").append(String.format(Locale.ROOT, "%.2f", v.score(best))).append(")");
                    }
                    md.append(" |");
                }
                md.append('\n');
            }
            List<String> notes = new ArrayList<>();
            for (String s : servers) {
                Result r = find(scenario, s);
                if (r != null && r.note() != null && !r.note().isEmpty()) notes.add(label(s) + ": " + r.note());
            }
            if (!notes.isEmpty()) md.append("\nNotes: ").append(String.join("; ", notes)).append('\n');
        }
        md.append("\n## Headline: ratio to the best peer\n\n| scenario | headline metric |");
        for (String s : servers) md.append(' ').append(label(s)).append(" |");
        md.append("\n|---|---|");
        for (int i = 0; i < servers.size(); i++) md.append("---:|");
        md.append('\n');
        for (String scenario : scenarios()) {
            Result any = results.stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow();
            Metric p = any.primary();
            double best = bestPeer(scenario, p.name());
            md.append("| ").append(any.scenarioLabel()).append(" | ").append(p.name()).append(" (").append(p.unit()).append(") |");
            for (String s : servers) {
                Result r = find(scenario, s);
                Metric v = r == null ? null : r.metric(p.name());
                md.append(' ').append(v == null || v.value() < 0 || Double.isNaN(best) ? "–"
                        : String.format(Locale.ROOT, "%.2f", v.score(best))).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    String label(String server) {
        for (Result r : results) if (r.server().equals(server)) return r.serverLabel();
        return server;
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 100_000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // ---------------------------------------------------------------- JSON

    public String json() {
        StringBuilder j = new StringBuilder("{\n  \"context\": {");
        int i = 0;
        for (Map.Entry<String, String> e : context.entrySet()) {
            j.append(i++ == 0 ? "\n" : ",\n").append("    ").append(q(e.getKey())).append(": ").append(q(e.getValue()));
        }
        j.append("\n  },\n  \"results\": [");
        for (int r = 0; r < results.size(); r++) {
            Result res = results.get(r);
            j.append(r == 0 ? "\n" : ",\n").append("    {\"scenario\": ").append(q(res.scenario()))
                    .append(", \"scenarioLabel\": ").append(q(res.scenarioLabel()))
                    .append(", \"server\": ").append(q(res.server()))
                    .append(", \"serverLabel\": ").append(q(res.serverLabel()))
                    .append(", \"serverKind\": ").append(q(res.serverKind()))
                    .append(", \"note\": ").append(q(res.note() == null ? "" : res.note()))
                    .append(", \"metrics\": [");
            for (int m = 0; m < res.metrics().size(); m++) {
                Metric met = res.metrics().get(m);
                double best = bestPeer(res.scenario(), met.name());
                j.append(m == 0 ? "" : ", ").append("{\"name\": ").append(q(met.name()))
                        .append(", \"unit\": ").append(q(met.unit()))
                        .append(", \"value\": ").append(num(met.value()))
                        .append(", \"higherIsBetter\": ").append(met.higherIsBetter())
                        .append(", \"ranked\": ").append(met.ranked())
                        .append(", \"ratioToBestPeer\": ").append(Double.isNaN(best) || met.value() < 0 ? "null" : num(met.score(best)))
                        .append('}');
            }
            j.append("]}");
        }
        return j.append("\n  ]\n}\n").toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "null";
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
