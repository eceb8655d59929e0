package org.sernn.analysis.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sernn.linalg.DenseMatrix;
import org.sernn.space.Positions;
import org.sernn.util.plot.ChartStyle;
import org.sernn.util.plot.Figure;
import org.sernn.util.plot.Heatmap;
import org.sernn.util.plot.Palette;

/** Figures of a network's structure: weight matrix by module, positions by module, weight against distance. */
public final class StructurePlots {
    private static final int BINS = 12;

    private StructurePlots() {
    }

    /** |W| (post rows, pre columns) with units sorted by module, module boundaries drawn, a viridis colour bar. */
    public static Figure weightMatrixByModule(DenseMatrix wRec, int[] modules, String title) {
        int n = wRec.rows();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> modules[i]).thenComparingInt(i -> i));
        int[] sortedModules = new int[n];
        double[][] magnitude = new double[n][n];
        for (int r = 0; r < n; r++) {
            sortedModules[r] = modules[order[r]];
            for (int c = 0; c < n; c++) {   // self-connections are not part of the graph: left blank
                magnitude[r][c] = r == c ? Double.NaN : Math.abs(wRec.get(order[r], order[c]));
            }
        }
        return Heatmap.of(magnitude, sortedModules, title, "presynaptic unit (sorted by module)",
                "postsynaptic unit", "|w|");
    }

    /**
     * Three projections (x-y, x-z, y-z) of the unit positions coloured by module, with the
     * {@code strongest} largest |w| connections drawn as thin grey lines; coordinates as stored.
     */
    public static Figure positionsByModule(Positions positions, DenseMatrix wRec, int[] modules, int strongest) {
        int[][] axes = {{0, 1}, {0, 2}, {1, 2}};
        String[] names = {"x", "y", "z"};
        int[] top = strongestConnections(wRec, strongest);
        int moduleCount = Arrays.stream(modules).max().orElse(0) + 1;
        List<XYChart> charts = new ArrayList<>();
        for (int[] axis : axes) {
            XYChart chart = ChartStyle.xy(440, 440, names[axis[0]] + "-" + names[axis[1]] + " projection",
                    names[axis[0]], names[axis[1]]);
            for (int e = 0; e < top.length; e += 2) {
                int post = top[e];
                int pre = top[e + 1];
                XYSeries line = chart.addSeries("w" + e,
                        new double[] {coordinate(positions, pre, axis[0]), coordinate(positions, post, axis[0])},
                        new double[] {coordinate(positions, pre, axis[1]), coordinate(positions, post, axis[1])});
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(new Color(0, 0, 0, 45));
                line.setLineWidth(1f);
                line.setShowInLegend(false);
            }
            for (int m = 0; m < moduleCount; m++) {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i < modules.length; i++) {
                    if (modules[i] == m) {
                        xs.add(coordinate(positions, i, axis[0]));
                        ys.add(coordinate(positions, i, axis[1]));
                    }
                }
                if (!xs.isEmpty()) {
                    XYSeries series = chart.addSeries("module " + (m + 1), xs, ys);
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    series.setMarkerColor(Palette.category(m));
                }
            }
            if (charts.isEmpty()) {
                ChartStyle.legend(chart, Styler.LegendPosition.InsideNE);
            }
            charts.add(chart);
        }
        return Figure.tiled(charts, 3);
    }

    /**
     * |w| against the distance between the two units over non-zero off-diagonal weights: each weight
     * as a faint point, and the mean and standard deviation of |w| in {@value #BINS} equal distance bins.
     */
    public static Figure weightAgainstDistance(DenseMatrix wRec, DenseMatrix distance, String title) {
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
        XYChart chart = ChartStyle.xy(720, 500, title, "distance between units", "|w|");
        chart.getStyler().setMarkerSize(3);
        if (d.isEmpty()) {
            chart.addSeries("no non-zero weights", new double[] {0}, new double[] {0});
            return Figure.of(chart);
        }
        XYSeries points = chart.addSeries("each weight", d, w);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarkerColor(new Color(120, 120, 120, 50));
        double[][] binned = binnedMeanAndStd(d, w, BINS);
        XYSeries mean = chart.addSeries("mean \u00b1 s.d. per distance bin", binned[0], binned[1], binned[2]);
        mean.setLineColor(Palette.category(3));
        mean.setMarkerColor(Palette.category(3));
        mean.setLineWidth(2.5f);
        chart.getStyler().setErrorBarsColor(Palette.category(3));
        ChartStyle.legend(chart, Styler.LegendPosition.InsideNE);
        return Figure.of(chart);
    }

    /** {centres, means, standard deviations} of y in equal-width bins of x; empty bins left out. */
    static double[][] binnedMeanAndStd(List<Double> x, List<Double> y, int bins) {
        double min = x.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = x.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double width = max > min ? (max - min) / bins : 1;
        double[] sum = new double[bins];
        double[] sumSquares = new double[bins];
        int[] count = new int[bins];
        for (int k = 0; k < x.size(); k++) {
            int bin = Math.min(bins - 1, (int) ((x.get(k) - min) / width));
            sum[bin] += y.get(k);
            sumSquares[bin] += y.get(k) * y.get(k);
            count[bin]++;
        }
        int filled = (int) Arrays.stream(count).filter(c -> c > 0).count();
        double[][] out = new double[3][filled];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double mean = sum[b] / count[b];
                out[0][k] = min + (b + 0.5) * width;
                out[1][k] = mean;
                out[2][k] = Math.sqrt(Math.max(0, sumSquares[b] / count[b] - mean * mean));
                k++;
            }
        }
        return out;
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
}
