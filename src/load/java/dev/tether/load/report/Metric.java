package dev.tether.load.report;

/**
 * One figure of one scenario on one server.
 *
 * @param ranked whether it is compared with the peers (a ratio); the load client's own CPU, for example, is
 *     reported but not ranked
 */
public record Metric(String name, String unit, double value, boolean higherIsBetter, boolean ranked) {

    public static Metric higher(String name, String unit, double value) {
        return new Metric(name, unit, value, true, true);
    }

    public static Metric lower(String name, String unit, double value) {
        return new Metric(name, unit, value, false, true);
    }

    /** Reported, not ranked. */
    public static Metric info(String name, String unit, double value) {
        return new Metric(name, unit, value, false, false);
    }

    /** How this value compares with {@code reference}, as "times better" (1 = as good, 2 = twice as good). */
    public double score(double reference) {
        if (value <= 0 || reference <= 0) return higherIsBetter ? (reference <= 0 ? 1 : 0) : (value <= 0 ? 1 : 0);
        return higherIsBetter ? value / reference : reference / value;
    }
}
