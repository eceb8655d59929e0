package org.sernn.analysis.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sernn.linalg.DenseMatrix;
import org.sernn.space.Positions;

/** Figures of a network's structure: weight matrix by module, positions by module, weight against distance. */
public final class StructurePlots {
    private static final int CELL = 6;

    private StructurePlots() {
    }

    /** |W| (post rows, pre columns) with units sorted by module, module boundaries drawn; grey scale by |w|/max. */
    public static byte[] weightMatrixByModule(DenseMatrix wRec, int[] modules, String title) {
        int n = wRec.rows();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> modules[i]).thenComparingInt(i -> i));
        double max = 0;   // off-diagonal only: self-connections are not part of the graph
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                max = i == j ? max : Math.max(max, Math.abs(wRec.get(i, j)));
            }
        }
        int margin = 40;
        int side = n * CELL;
        BufferedImage image = new BufferedImage(side + 2 * margin, side + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double level = max > 0 && r != c ? Math.min(1, Math.sqrt(Math.abs(wRec.get(order[r], order[c])) / max))
                        : 0;
                int grey = (int) Math.round(255 * (1 - level));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(margin + c * CELL, margin + r * CELL, CELL, CELL);
            }
        }
        g.setStroke(new BasicStroke(2f));
        int start = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || modules[order[k]] != modules[order[start]]) {
                g.setColor(Png.moduleColour(modules[order[start]]));
                g.drawRect(margin + start * CELL, margin + start * CELL, (k - start) * CELL, (k - start) * CELL);
                start = k;
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString(title + "  (rows: post, columns: pre; grey: sqrt(|w| / max), diagonal blank)", margin, margin - 12);
        g.dispose();
        return Png.encode(image);
    }

    /**
     * Three projections (x-y, x-z, y-z) of the unit positions coloured by module, with the
     * {@code strongest} largest |w| connections drawn as lines.
     */
    public static byte[] positionsByModule(Positions positions, DenseMatrix wRec, int[] modules, int strongest,
            String title) {
        int[][] axes = {{0, 1}, {0, 2}, {1, 2}};
        String[] names = {"x", "y", "z"};
        int[] top = strongestConnections(wRec, strongest);
        List<XYChart> charts = new ArrayList<>();
        for (int[] axis : axes) {
            XYChart chart = new XYChartBuilder().width(420).height(420).title(title + " (" + names[axis[0]] + "-"
                    + names[axis[1]] + ")").xAxisTitle(names[axis[0]]).yAxisTitle(names[axis[1]]).build();
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            double jitter = 0.12;   // separate units stacked along the hidden axis
            for (int e = 0; e < top.length; e += 2) {
                int post = top[e];
                int pre = top[e + 1];
                double[] x = {coordinate(positions, pre, axis[0]) + hidden(positions, pre, axis) * jitter,
                    coordinate(positions, post, axis[0]) + hidden(positions, post, axis) * jitter};
                double[] y = {coordinate(positions, pre, axis[1]) + hidden(positions, pre, axis) * jitter,
                    coordinate(positions, post, axis[1]) + hidden(positions, post, axis) * jitter};
                XYSeries line = chart.addSeries("w" + e, x, y);
                line.setMarker(new None());
                line.setLineColor(new Color(0, 0, 0, 60));
                line.setLineWidth(1f);
            }
            int moduleCount = Arrays.stream(modules).max().orElse(0) + 1;
            for (int m = 0; m < moduleCount; m++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i < modules.length; i++) {
                    if (modules[i] == m) {
                        xs.add(coordinate(positions, i, axis[0]) + hidden(positions, i, axis) * jitter);
                        ys.add(coordinate(positions, i, axis[1]) + hidden(positions, i, axis) * jitter);
                    }
                }
                if (xs.isEmpty()) {
                    continue;
                }
                XYSeries series = chart.addSeries("module " + m, xs, ys);
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(Png.moduleColour(m));
            }
            charts.add(chart);
        }
        return Png.tiled(charts, 3);
    }

    /** |w| against the distance between the two units, over non-zero off-diagonal weights. */
    public static byte[] weightAgainstDistance(DenseMatrix wRec, DenseMatrix distance, String title) {
        int n = wRec.rows();
        List<Double> d = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && wRec.get(i, j) != 0) {
                    d.add(distance.get(i, j));
                    w.add(Math.abs(wRec.get(i, j)));
                }
            }
        }
        XYChart chart = new XYChartBuilder().width(700).height(500).title(title).xAxisTitle("distance")
                .yAxisTitle("|w|").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(3);
        if (d.isEmpty()) {
            d.add(0.0);
            w.add(0.0);
        }
        XYSeries series = chart.addSeries("weights", d, w);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(new Color(20, 40, 120, 70));
        return Png.of(chart);
    }

    /** (post, pre) index pairs of the {@code count} largest |w| off-diagonal weights, flattened. */
    static int[] strongestConnections(DenseMatrix wRec, int count) {
        int n = wRec.rows();
        Integer[] order = new Integer[n * n];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -Math.abs(wRec.get(k / n, k % n))));
        List<Integer> pairs = new ArrayList<>();
        for (Integer k : order) {
            if (pairs.size() >= 2 * count) {
                break;
            }
            if (k / n != k % n && wRec.get(k / n, k % n) != 0) {
                pairs.add(k / n);
                pairs.add(k % n);
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double coordinate(Positions p, int unit, int axis) {
        return axis == 0 ? p.x(unit) : axis == 1 ? p.y(unit) : p.z(unit);
    }

    private static double hidden(Positions p, int unit, int[] axis) {
        int other = 3 - axis[0] - axis[1];
        return coordinate(p, unit, other);
    }
}
