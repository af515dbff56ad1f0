package io.cairn.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** Folded stacks ("root;child;leaf" with a count) drawn as a flame graph: width is the share of samples, root at the bottom. */
final class FlameGraph {

    private static final int ROW = 16;
    private static final int WIDTH = 1200;

    private FlameGraph() {
    }

    /** A node of the call tree: its samples and its callees. */
    private static final class Node {
        long samples;
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    static String svg(Map<String, Long> stacks, String title) {
        Node root = new Node();
        for (Map.Entry<String, Long> stack : stacks.entrySet()) {
            Node node = root;
            root.samples += stack.getValue();
            for (String frame : stack.getKey().split(";")) {
                node = node.children.computeIfAbsent(frame, f -> new Node());
                node.samples += stack.getValue();
            }
        }
        int depth = depth(root);
        int height = (depth + 2) * ROW + 10;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"monospace\" font-size=\"11\">\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append("<text x=\"6\" y=\"14\">").append(escape(title)).append(" (").append(root.samples)
                .append(" samples; width = share of CPU samples, callers below callees)</text>\n");
        draw(out, root, "all", 0, WIDTH, height - ROW - 4, root.samples);
        out.append("</svg>\n");
        return out.toString();
    }

    private static void draw(StringBuilder out, Node node, String name, double x, double width, int y, long total) {
        if (width < 1.0) {
            return;
        }
        int hue = Math.floorMod(name.hashCode(), 40);
        out.append("<g><title>").append(escape(name)).append(" (").append(node.samples).append(" samples, ")
                .append(String.format("%.1f", 100.0 * node.samples / Math.max(1, total))).append("%)</title>")
                .append(String.format("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"rgb(%d,%d,%d)\""
                        + " stroke=\"#ffffff\" stroke-width=\"0.5\"/>", x, y, width, ROW - 1, 220 + hue / 2,
                        90 + hue * 3, 40 + hue));
        int fits = (int) ((width - 4) / 6.6);
        if (fits >= 3) {
            String label = name.length() <= fits ? name : name.substring(0, fits - 2) + "..";
            out.append(String.format("<text x=\"%.1f\" y=\"%d\">%s</text>", x + 2, y + ROW - 4, escape(label)));
        }
        out.append("</g>\n");
        double childX = x;
        for (Map.Entry<String, Node> child : node.children.entrySet()) {
            double childWidth = width * child.getValue().samples / Math.max(1, node.samples);
            draw(out, child.getValue(), child.getKey(), childX, childWidth, y - ROW, total);
            childX += childWidth;
        }
    }

    private static int depth(Node node) {
        int deepest = 0;
        for (Node child : node.children.values()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
