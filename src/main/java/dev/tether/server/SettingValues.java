package dev.tether.server;

import dev.tether.protocol.handshake.OriginPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of settings as people write them in a web.xml, a system property or an annotation:
 * durations, sizes, counts and origin lists. Every error names the setting and quotes the value, so that a
 * deployment that fails says exactly what to fix.
 */
public final class SettingValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(kib|mib)?", Pattern.CASE_INSENSITIVE);

    private SettingValues() {
    }

    /**
     * A duration: a number of seconds ({@code 30}, {@code 0.5}) or ISO-8601 ({@code PT30S}, {@code PT10M}).
     *
     * @param zeroTurnsOff whether 0 is allowed (it turns the setting off); otherwise the duration must be positive
     */
    public static Duration duration(String name, String value, boolean zeroTurnsOff) {
        String text = value.trim();
        String expected = "must be a number of seconds (30, 0.5) or an ISO-8601 duration (PT30S)"
                + (zeroTurnsOff ? ", or 0 to turn it off" : "");
        Duration duration;
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                duration = Duration.parse(text);
            } else {
                BigDecimal seconds = new BigDecimal(text);
                duration = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw invalid(name, value, expected);
        }
        if (duration.isNegative()) throw invalid(name, value, "must not be negative");
        if (duration.isZero() && !zeroTurnsOff) throw invalid(name, value, "must be more than 0");
        return duration;
    }

    /** A positive number of bytes, with an optional suffix {@code KiB} or {@code MiB} ({@code 65536}, {@code 64KiB}, {@code 16 MiB}). */
    public static long size(String name, String value) {
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw invalid(name, value, "must be a number of bytes, optionally with KiB or MiB (65536, 64KiB, 16MiB)");
        }
        long bytes;
        try {
            long number = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            bytes = Math.multiplyExact(number, unit.equals("kib") ? 1024L : unit.equals("mib") ? 1024L * 1024 : 1L);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(name, value, "is too large");
        }
        if (bytes <= 0) throw invalid(name, value, "must be more than 0");
        return bytes;
    }

    /** A positive whole number. */
    public static int count(String name, String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, "must be a whole number from 1 to " + Integer.MAX_VALUE);
        }
        if (n <= 0) throw invalid(name, value, "must be more than 0");
        return n;
    }

    /**
     * Origins allowed besides the request's own: a comma-separated list of {@code scheme://host[:port]}, or
     * {@code *} for any origin.
     */
    public static OriginPolicy origins(String name, String value) {
        return origins(name, List.of(value.split(",")));
    }

    /** As {@link #origins(String, String)}, with the entries apart ({@code *} alone for any origin). */
    public static OriginPolicy origins(String name, List<String> entries) {
        List<String> origins = new ArrayList<>();
        for (String entry : entries) {
            String origin = entry.trim();
            if (!origin.isEmpty()) origins.add(origin);
        }
        String shown = String.join(",", entries);
        if (origins.isEmpty()) throw invalid(name, shown, "must list origins (https://app.example.com) or be *");
        if (origins.contains("*")) {
            if (origins.size() > 1) throw invalid(name, shown, "* allows any origin and cannot be combined with others");
            return OriginPolicy.any();
        }
        try {
            return OriginPolicy.allowing(origins);
        } catch (IllegalArgumentException e) {
            throw invalid(name, shown, e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String name, String value, String problem) {
        return new IllegalArgumentException(name + " " + problem + ": '" + value + "'");
    }
}
