package dev.tether.load.report;

import java.util.List;

/**
 * A scenario measured on one server: its metrics, the first being the headline (the chart's bar), and
 * what happened on the side (errors, the load client's CPU).
 *
 * @param serverKind TETHER, PEER or LIMIT: ratios are taken to the best PEER
 */
public record Result(String scenario, String scenarioLabel, String server, String serverLabel, String serverKind,
        List<Metric> metrics, String note) {

    public Metric primary() {
        return metrics.get(0);
    }

    public Metric metric(String name) {
        for (Metric m : metrics) if (m.name().equals(name)) return m;
        return null;
    }
}
