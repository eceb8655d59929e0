package org.sernn.util.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/**
 * A matrix as an image (viridis, linear from 0 to the largest finite entry; NaN entries white), with
 * coloured boxes around the diagonal blocks of equal group (module) and a labelled colour bar.
 */
public final class Heatmap {
    private static final int SIDE = 560;
    private static final int LEFT = 70;
    private static final int TOP = 50;
    private static final int BAR = 18;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Heatmap() {
    }

    /** {@code values[row][column]}; {@code groups[k]} is the group of row and column k (sorted). */
    public static Figure of(double[][] values, int[] groups, String title, String xTitle, String yTitle,
            String barTitle) {
        int n = values.length;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Double.isFinite(v) ? Math.max(max, v) : max;
            }
        }
        double top = max;
        int width = LEFT + SIDE + 110;
        int height = TOP + SIDE + 60;
        return new Figure(width, height, g -> {
            double cell = (double) SIDE / Math.max(n, 1);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double v = values[r][c];
                    g.setColor(Double.isFinite(v) ? Palette.viridis(top > 0 ? v / top : 0) : Color.WHITE);
                    g.fillRect(LEFT + (int) Math.floor(c * cell), TOP + (int) Math.floor(r * cell),
                            (int) Math.ceil(cell), (int) Math.ceil(cell));
                }
            }
            g.setStroke(new BasicStroke(2f));
            int start = 0;
            for (int k = 1; k <= n; k++) {
                if (k == n || groups[k] != groups[start]) {
                    g.setColor(Palette.category(groups[start]));
                    g.drawRect(LEFT + (int) (start * cell), TOP + (int) (start * cell), (int) ((k - start) * cell),
                            (int) ((k - start) * cell));
                    start = k;
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT, TOP, SIDE, SIDE);
            g.setFont(TITLE);
            centred(g, ChartStyle.fit(title, width), width / 2, 28);
            g.setFont(LABEL);
            centred(g, xTitle, LEFT + SIDE / 2, TOP + SIDE + 40);
            AffineTransform saved = g.getTransform();
            g.translate(LEFT - 40, TOP + SIDE / 2);
            g.rotate(-Math.PI / 2);
            centred(g, yTitle, 0, 0);
            g.setTransform(saved);
            colourBar(g, LEFT + SIDE + 25, top, barTitle);
        });
    }

    private static void colourBar(Graphics2D g, int x, double max, String title) {
        for (int p = 0; p < SIDE; p++) {
            g.setColor(Palette.viridis(1 - (double) p / (SIDE - 1)));
            g.fillRect(x, TOP + p, BAR, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, TOP, BAR, SIDE);
        g.setFont(TICK);
        for (int k = 0; k <= 4; k++) {
            int y = TOP + SIDE - k * SIDE / 4;
            g.drawLine(x + BAR, y, x + BAR + 4, y);
            g.drawString(Ticks.number(max * k / 4), x + BAR + 7, y + 4);
        }
        g.setFont(LABEL);
        centred(g, title, x + BAR / 2, TOP - 8);
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y);
    }
}
