package si.bankart.prehod.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;

/**
 * The run's chart, drawn with the JDK alone (headless AWT): throughput and p99 latency against concurrency, one line per
 * load scenario (our IdP's and, when run, Keycloak's), concurrency on a log-2 axis.
 */
final class ResultsChart {

    private static final int PANEL_WIDTH = 620;
    private static final int PLOT_HEIGHT = 460;
    private static final int LEGEND_LINE = 22;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xd62728), new Color(0x8c564b)};

    private ResultsChart() {
    }

    static void write(List<LoadStep.Result> steps, Map<String, String> labels, String subtitle, Path file) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<LoadStep.Result>> byScenario = new LinkedHashMap<>();
        for (LoadStep.Result step : steps) {
            byScenario.computeIfAbsent(step.scenario(), s -> new ArrayList<>()).add(step);
        }
        BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, PLOT_HEIGHT + 20 + LEGEND_LINE * byScenario.size(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Varni Prehod benchmark", 20, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(subtitle, 20, 44);
        panel(g, 0, "Throughput (counted responses/s)", byScenario, LoadStep.Result::throughputPerSecond);
        panel(g, PANEL_WIDTH, "p99 latency (ms)", byScenario, LoadStep.Result::p99Millis);
        int index = 0;
        for (String scenario : byScenario.keySet()) {
            int y = PLOT_HEIGHT + 10 + LEGEND_LINE * index;
            g.setColor(COLOURS[index % COLOURS.length]);
            g.fillRect(70, y - 10, 22, 12);
            g.setColor(Color.BLACK);
            g.drawString(labels.getOrDefault(scenario, "(" + scenario + ")"), 100, y);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, String title, Map<String, List<LoadStep.Result>> byScenario,
            ToDoubleFunction<LoadStep.Result> value) {
        int left = x0 + 70;
        int right = x0 + PANEL_WIDTH - 30;
        int top = 80;
        int bottom = PLOT_HEIGHT - 50;
        int maxConcurrency = 1;
        double maxValue = 0;
        for (List<LoadStep.Result> line : byScenario.values()) {
            for (LoadStep.Result r : line) {
                maxConcurrency = Math.max(maxConcurrency, r.concurrency());
                double v = value.applyAsDouble(r);
                if (!Double.isNaN(v)) {
                    maxValue = Math.max(maxValue, v);
                }
            }
        }
        double yMax = niceCeiling(maxValue <= 0 ? 1 : maxValue * 1.05);
        double xMax = Math.max(1, log2(maxConcurrency));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title, left, top - 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            int y = bottom - (int) Math.round((bottom - top) * i / 5.0);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String label = v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
            g.drawString(label, left - 8 - fm.stringWidth(label), y + 4);
        }
        for (int c = 1; c <= maxConcurrency; c *= 2) {
            int x = xAt(c, left, right, xMax);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = Integer.toString(c);
            g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 18);
        }
        g.drawString("concurrency (clients)", (left + right) / 2 - 55, bottom + 36);
        g.setColor(Color.BLACK);
        g.drawRect(left, top, right - left, bottom - top);
        int index = 0;
        for (Map.Entry<String, List<LoadStep.Result>> line : byScenario.entrySet()) {
            Color colour = COLOURS[index % COLOURS.length];
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.5f));
            int px = -1;
            int py = -1;
            for (LoadStep.Result r : line.getValue()) {
                double v = value.applyAsDouble(r);
                if (Double.isNaN(v)) {
                    continue;
                }
                int x = xAt(r.concurrency(), left, right, xMax);
                int y = bottom - (int) Math.round((bottom - top) * Math.min(v, yMax) / yMax);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 8, 8);
                px = x;
                py = y;
            }
            g.setStroke(new BasicStroke(1f));
            index++;
        }
    }

    private static int xAt(int concurrency, int left, int right, double xMax) {
        return left + 20 + (int) Math.round((right - left - 40) * log2(concurrency) / xMax);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** The first of a few round multiples of a power of ten at or above v: round axis labels, little waste. */
    private static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
