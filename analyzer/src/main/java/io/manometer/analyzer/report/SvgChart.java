package io.manometer.analyzer.report;

import io.manometer.analyzer.detect.Chart;
import java.util.Locale;

/**
 * One finding's chart as inline SVG: what grows (solid, on the left axis, in its unit) and the
 * heap kept after GC (dashed, on the right axis, in MB) over one time axis in seconds, every line
 * inside the frame, ticks and units on every axis.
 */
final class SvgChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 190;
    /** The plot's frame: room for tick labels left, right and below, and the axes' units above. */
    static final int LEFT = 48;
    static final int RIGHT = WIDTH - 48;
    static final int TOP = 20;
    static final int BOTTOM = HEIGHT - 40;
    private static final String GROWTH_COLOUR = "#c62828";
    private static final String HEAP_COLOUR = "#1e88e5";
    private static final String AXIS_COLOUR = "#999";

    private SvgChart() {}

    static void draw(StringBuilder h, Chart c) {
        double tMax = Math.max(1e-9, Math.max(last(c.seconds()), c.hasHeap() ? last(c.heapSeconds()) : 0));
        double vMax = niceCeiling(Math.max(1, max(c.values())));
        double heapMax = c.hasHeap() ? niceCeiling(Math.max(1, max(c.heapBytes()) / 1e6)) : 0;
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" role=\"img\"><rect x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(RIGHT - LEFT).append("\" height=\"").append(BOTTOM - TOP)
                .append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        timeAxis(h, tMax);
        valueAxis(h, vMax, LEFT, -6, "end", c.unit());
        polyline(h, c.seconds(), c.values(), 1, tMax, vMax, GROWTH_COLOUR, false);
        if (c.hasHeap()) {
            valueAxis(h, heapMax, RIGHT, 6, "start", "MB");
            polyline(h, c.heapSeconds(), c.heapBytes(), 1e6, tMax, heapMax, HEAP_COLOUR, true);
        }
        h.append(text(LEFT, HEIGHT - 4, "start", "— " + HtmlReport.esc(c.unit())
                + (c.hasHeap() ? "   - - heap kept after GC (max " + fmt(max(c.heapBytes()) / 1e6) + " MB)" : "")))
                .append("</svg>\n");
    }

    /** Ticks every 1, 2 or 5 × 10ⁿ seconds from 0, labelled in seconds. */
    private static void timeAxis(StringBuilder h, double tMax) {
        double step = niceStep(tMax / 5);
        for (int i = 0; i * step <= tMax * (1 + 1e-9); i++) {
            double x = x(i * step, tMax);
            tick(h, x, BOTTOM, x, BOTTOM + 4);
            h.append(text((int) Math.round(x), BOTTOM + 16, "middle", fmt(i * step) + " s"));
        }
    }

    /** Ticks at 0, half and the top of the scale, labelled beside the frame; the unit above. */
    private static void valueAxis(StringBuilder h, double top, int at, int outward, String anchor, String unit) {
        for (int i = 0; i <= 2; i++) {
            double y = y(top * i / 2, top);
            tick(h, at, y, at + outward / 2.0, y);
            h.append(text(at + outward, (int) Math.round(y) + 4, anchor, fmt(top * i / 2)));
        }
        h.append(text(at, TOP - 6, anchor.equals("end") ? "start" : "end", HtmlReport.esc(unit)));
    }

    private static void polyline(StringBuilder h, double[] t, double[] v, double per, double tMax, double vMax,
                                 String colour, boolean dashed) {
        h.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                .append(dashed ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"");
        for (int i = 0; i < t.length; i++) {
            h.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t[i], tMax), y(v[i] / per, vMax)));
        }
        h.append("\"/>");
    }

    /** Inside the frame whatever the value: a sample outside the scale is drawn at its edge. */
    private static double x(double seconds, double tMax) {
        return LEFT + clamp(seconds / tMax) * (RIGHT - LEFT);
    }

    private static double y(double value, double top) {
        return BOTTOM - clamp(value / top) * (BOTTOM - TOP);
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }

    private static void tick(StringBuilder h, double x1, double y1, double x2, double y2) {
        h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                x1, y1, x2, y2, AXIS_COLOUR));
    }

    private static String text(int x, int y, String anchor, String s) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + s + "</text>";
    }

    /** 1, 2 or 5 × 10ⁿ, at least {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(rough, 1e-9))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** The scale's top: the smallest multiple of a nice step (a fifth of it) at or above the peak. */
    static double niceCeiling(double peak) {
        double step = niceStep(peak / 5);
        return Math.ceil(peak / step - 1e-9) * step;
    }

    private static double last(double[] values) {
        return values.length == 0 ? 0 : values[values.length - 1];
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    static String fmt(double v) {
        return v >= 1e6 ? String.format(Locale.ROOT, "%.1fM", v / 1e6)
                : v >= 1e3 ? String.format(Locale.ROOT, "%.1fk", v / 1e3)
                : v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
