package io.cairn.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The capacity curve as an SVG plot: completions offered per second along the bottom; above, the chain's p50 and p99
 * and raw Kafka's on the same broker, on a logarithmic scale with the 1 s line; below, the cores the stack kept busy.
 */
final class CapacityPlot {

    /** One offered rate: the chain's and Kafka's latencies (ms) and the cores busy. */
    record Point(int rate, double chainP50, double chainP99, double kafkaP50, double kafkaP99, double cores) {
    }

    private static final int WIDTH = 760;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int LATENCY_TOP = 40;
    private static final int LATENCY_HEIGHT = 300;
    private static final int CORES_TOP = 390;
    private static final int CORES_HEIGHT = 120;
    private static final int HEIGHT = CORES_TOP + CORES_HEIGHT + 50;
    private static final double MIN_MS = 1;
    private static final double MAX_MS = 100_000;

    private CapacityPlot() {
    }

    static String svg(List<Point> points, int cores) {
        int maxRate = points.stream().mapToInt(Point::rate).max().orElse(1);
        StringBuilder out = new StringBuilder();
        out.append(format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append(format("<text x=\"%d\" y=\"22\" font-size=\"14\">Assessment completed → plan readable, "
                + "against completions offered per second</text>\n", LEFT));
        // Latency panel: decades from 1 ms to 100 s, and the 1 s line.
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            double y = latencyY(ms);
            out.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"%s/>\n", LEFT, y,
                    WIDTH - RIGHT, y, ms == 1000 ? "#d33" : "#ddd", ms == 1000 ? " stroke-dasharray=\"6,4\"" : ""));
            out.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4,
                    ms < 1000 ? (long) ms + " ms" : (long) (ms / 1000) + " s"));
        }
        out.append(format("<text x=\"%d\" y=\"%.1f\" fill=\"#d33\">p99 target: 1 s</text>\n", WIDTH - RIGHT + 8,
                latencyY(1000) + 4));
        series(out, points, maxRate, Point::chainP99, "#1f5fbf", "", "chain p99", 0);
        series(out, points, maxRate, Point::chainP50, "#1f5fbf", " stroke-dasharray=\"5,3\"", "chain p50", 1);
        series(out, points, maxRate, Point::kafkaP99, "#2a9d3a", "", "Kafka p99", 2);
        series(out, points, maxRate, Point::kafkaP50, "#2a9d3a", " stroke-dasharray=\"5,3\"", "Kafka p50", 3);
        // Cores panel.
        for (int core = 0; core <= cores; core++) {
            double y = coresY(core, cores);
            out.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y,
                    WIDTH - RIGHT, y));
            out.append(format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n", LEFT - 6, y + 4, core));
        }
        out.append(format("<text x=\"%d\" y=\"%d\">cores busy (of %d), the whole stack</text>\n", LEFT,
                CORES_TOP - 8, cores));
        StringBuilder line = new StringBuilder();
        for (Point point : points) {
            double x = x(point.rate(), maxRate);
            double y = coresY(Math.min(point.cores(), cores), cores);
            line.append(line.length() == 0 ? "M" : " L").append(format("%.1f %.1f", x, y));
            out.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#8a4fbf\"><title>%d/s: %s cores"
                    + "</title></circle>\n", x, y, point.rate(), Report.number(point.cores())));
        }
        out.append(format("<path d=\"%s\" fill=\"none\" stroke=\"#8a4fbf\" stroke-width=\"2\"/>\n", line));
        // The rate axis, under both panels.
        int axisY = CORES_TOP + CORES_HEIGHT;
        for (Point point : points) {
            double x = x(point.rate(), maxRate);
            out.append(format("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>\n", x, axisY, x,
                    axisY + 5));
            out.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, axisY + 18,
                    point.rate()));
        }
        out.append(format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">completions offered per second</text>\n",
                (LEFT + WIDTH - RIGHT) / 2, axisY + 38));
        return out.append("</svg>\n").toString();
    }

    private static void series(StringBuilder out, List<Point> points, int maxRate, ToDoubleFunction<Point> value,
            String colour, String dash, String name, int legendRow) {
        StringBuilder path = new StringBuilder();
        for (Point point : points) {
            double ms = value.applyAsDouble(point);
            double x = x(point.rate(), maxRate);
            double y = latencyY(ms);
            path.append(path.length() == 0 ? "M" : " L").append(format("%.1f %.1f", x, y));
            out.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s at %d/s: %s ms</title>"
                    + "</circle>\n", x, y, colour, name, point.rate(), Report.number(ms)));
        }
        out.append(format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n", path, colour, dash));
        int legendY = LATENCY_TOP + 14 + legendRow * 18;
        out.append(format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                WIDTH - RIGHT + 8, legendY - 4, WIDTH - RIGHT + 36, legendY - 4, colour, dash));
        out.append(format("<text x=\"%d\" y=\"%d\">%s</text>\n", WIDTH - RIGHT + 42, legendY, name));
    }

    private static double x(int rate, int maxRate) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) rate / maxRate;
    }

    private static double latencyY(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        return LATENCY_TOP + LATENCY_HEIGHT
                * (1 - (Math.log10(clamped) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS)));
    }

    private static double coresY(double busy, int cores) {
        return CORES_TOP + CORES_HEIGHT * (1 - busy / cores);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
