package dev.tether.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into a Markdown table: ops/s, ns/op, GB/s where the
 * benchmark has a {@code size} parameter (the payload bytes one operation processes; GB = 10^9 bytes),
 * and the bytes allocated per operation when the run used {@code -prof gc}.
 *
 * <pre>java -cp target/benchmarks.jar dev.tether.bench.ResultsTable target/jmh-result.json [out.md]</pre>
 */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsTable <jmh-result.json> [output.md]");
            System.exit(2);
        }
        String table = render(new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).value());
        if (args.length == 2) {
            Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
        } else {
            System.out.print(table);
        }
    }

    @SuppressWarnings("unchecked")
    static String render(Object results) {
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | parameters | ops/s | ± (99.9%) | ns/op | GB/s | B/op |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Object o : (List<Object>) results) {
            Map<String, Object> run = (Map<String, Object>) o;
            String name = (String) run.get("benchmark");
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            double score = number(primary.get("score"));
            String unit = (String) primary.get("scoreUnit");
            if (!"ops/s".equals(unit)) {
                throw new IllegalArgumentException(name + ": expected throughput in ops/s, got " + unit);
            }
            double error = number(primary.get("scoreError"));
            StringBuilder p = new StringBuilder();
            params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            Object size = params.get("size");
            String gbps = size == null ? "" : format(score * Double.parseDouble((String) size) / 1e9, 3);
            Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
            Map<String, Object> alloc = (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
            String bytesPerOp = alloc == null ? "" : format(number(alloc.get("score")), 1);
            md.append("| ").append(name).append(" | ").append(p).append(" | ").append(format(score, 0))
                    .append(" | ").append(Double.isNaN(error) ? "" : format(error, 0))
                    .append(" | ").append(format(1e9 / score, 1)).append(" | ").append(gbps)
                    .append(" | ").append(bytesPerOp).append(" |\n");
        }
        return md.toString();
    }

    private static double number(Object o) {
        if (o instanceof Double) return (Double) o;
        if (o instanceof String) return Double.NaN; // JMH writes "NaN" as a string
        throw new IllegalArgumentException("not a number: " + o);
    }

    private static String format(double d, int decimals) {
        if (Double.isNaN(d)) return "";
        return String.format(Locale.ROOT, "%,." + decimals + "f", d);
    }

    /** Just enough JSON for JMH's output: objects, arrays, strings, numbers, true/false/null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            skipSpace();
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            skipSpace();
            if (s.charAt(i) == '}') {
                i++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (s.charAt(i++) == '}') return map;
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            i++;
            skipSpace();
            if (s.charAt(i) == ']') {
                i++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (s.charAt(i++) == ']') return list;
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return out.toString();
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: out.append(e);
                }
            }
        }

        private Double number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' at " + i);
            return Double.valueOf(s.substring(start, i));
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) throw new IllegalArgumentException("bad literal at " + i);
            i += word.length();
            return value;
        }

        private void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }
    }
}
