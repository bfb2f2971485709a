package dev.tether.load.report;

import java.util.List;
import java.util.Locale;

/**
 * The run as one SVG bar chart, drawn here without any library: a group of bars per scenario, one bar per
 * server, the height being the headline metric relative to the best peer (1 = as good as the best of
 * Jetty, Tomcat and Netty; above is better; for memory and latency the ratio is inverted so that taller is
 * still better). Bars taller than the axis are cut and labelled with their value.
 */
final class BarChart {

    private static final String[] COLORS = {"#1f6feb", "#58a6ff", "#d29922", "#bf8700", "#8957e5", "#8b949e"};
    private static final int BAR = 16;
    private static final int GAP = 26;
    private static final int LEFT = 56;
    private static final int TOP = 74;
    private static final int PLOT_HEIGHT = 300;

    private final Report report;

    BarChart(Report report) {
        this.report = report;
    }

    String svg() {
        List<String> scenarios = report.scenarios();
        List<String> servers = report.servers();
        int group = servers.size() * BAR + GAP;
        int width = Math.max(980, LEFT + scenarios.size() * group + 20);
        int height = TOP + PLOT_HEIGHT + 120;
        double max = 0;
        for (String sc : scenarios) {
            for (String s : servers) max = Math.max(max, score(sc, s));
        }
        double axisMax = Math.min(3.0, Math.max(1.5, Math.ceil(max * 2) / 2));

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append(text(LEFT, 20, 15, "start", "bold",
                "Tether and its peers under load: headline metric relative to the best peer (taller is better)"));
        String subtitle = report.context().getOrDefault("subtitle", "");
        if (!subtitle.isEmpty()) svg.append(text(LEFT, 38, 11, "start", "normal", subtitle));
        // legend
        int x = LEFT;
        for (int i = 0; i < servers.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"48\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", x, COLORS[i % COLORS.length]));
            String label = report.label(servers.get(i));
            svg.append(text(x + 16, 58, 11, "start", "normal", label));
            x += 26 + label.length() * 6;
        }
        // axis and grid
        int baseY = TOP + PLOT_HEIGHT;
        for (double t = 0; t <= axisMax + 1e-9; t += 0.5) {
            int y = baseY - (int) Math.round(t / axisMax * PLOT_HEIGHT);
            boolean one = Math.abs(t - 1) < 1e-9;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"%s/>\n",
                    LEFT, y, width - 10, y, one ? "#444" : "#ddd", one ? "1.2" : "1", one ? " stroke-dasharray=\"5,3\"" : ""));
            svg.append(text(LEFT - 6, y + 4, 10, "end", "normal", String.format(Locale.ROOT, "%.1f×", t)));
        }
        svg.append(text(14, TOP + PLOT_HEIGHT / 2, 11, "middle", "normal", "× best peer",
                String.format(Locale.ROOT, " transform=\"rotate(-90 14 %d)\"", TOP + PLOT_HEIGHT / 2)));
        // bars
        for (int g = 0; g < scenarios.size(); g++) {
            String sc = scenarios.get(g);
            int gx = LEFT + g * group + GAP / 2;
            for (int i = 0; i < servers.size(); i++) {
                Result r = report.find(sc, servers.get(i));
                if (r == null) continue;
                double s = score(sc, servers.get(i));
                if (Double.isNaN(s)) continue;
                int h = (int) Math.round(Math.min(s, axisMax) / axisMax * PLOT_HEIGHT);
                int bx = gx + i * BAR;
                Metric p = r.primary();
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s, %s: %s %s (%.2f× best peer)</title></rect>\n",
                        bx, baseY - h, BAR - 2, h, COLORS[i % COLORS.length], esc(r.serverLabel()), esc(r.scenarioLabel()),
                        Report.format(p.value()), esc(p.unit()), s));
                String label = String.format(Locale.ROOT, s >= 10 ? "%.0f" : "%.2f", s);
                boolean cut = s > axisMax;
                int ly = cut ? baseY - h + 40 : baseY - h - 4; // a cut bar carries its value inside, in white
                if (cut) {
                    svg.append(String.format(Locale.ROOT, "<path d=\"M%d %d l%d -6 l%d 6 z\" fill=\"#fff\"/>\n", bx, baseY - h + 8, (BAR - 2) / 2, (BAR - 2) / 2));
                }
                svg.append(text(bx + (BAR - 2) / 2, ly, 9, "start", "normal", label,
                        String.format(Locale.ROOT, " transform=\"rotate(-90 %d %d)\"%s", bx + (BAR - 2) / 2 + 3, ly,
                                cut ? " fill=\"#fff\"" : "")));
            }
            Result any = report.results().stream().filter(r -> r.scenario().equals(sc)).findFirst().orElseThrow();
            int cx = gx + servers.size() * BAR / 2;
            String[] words = any.scenarioLabel().split(", ");
            for (int w = 0; w < words.length; w++) svg.append(text(cx, baseY + 16 + 13 * w, 10, "middle", "normal", words[w]));
            svg.append(text(cx, baseY + 16 + 13 * words.length, 9, "middle", "normal",
                    any.primary().name() + (any.primary().higherIsBetter() ? " ↑" : " ↓")));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double score(String scenario, String server) {
        Result r = report.find(scenario, server);
        if (r == null) return Double.NaN;
        Metric p = r.primary();
        double best = report.bestPeer(scenario, p.name());
        if (Double.isNaN(best) || p.value() < 0) return Double.NaN;
        return p.score(best);
    }

    private static String text(int x, int y, int size, String anchor, String weight, String content) {
        return text(x, y, size, anchor, weight, content, "");
    }

    private static String text(int x, int y, int size, String anchor, String weight, String content, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"%s\" font-weight=\"%s\"%s>%s</text>\n",
                x, y, size, anchor, weight, extra, esc(content));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
