package org.sernn.hardware;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sernn.util.plot.ChartStyle;
import org.sernn.util.plot.Figure;
import org.sernn.util.plot.Palette;
import org.sernn.util.plot.Ticks;

/** Figures of a deployment: accuracy against time since programming, energy per inference of several targets. */
public final class DeployPlots {
    private DeployPlots() {
    }

    /**
     * Accuracy against log time since programming: every device seed as a point, the mean as a line,
     * with and without global drift compensation, and the float accuracy as a dashed reference. Times
     * are labelled in human units (1 s, 1 h, 1 d, 1 y) at the times measured.
     */
    public static Figure driftCurve(String title, double[] seconds, double[][] compensatedPerSeed,
            double[][] rawPerSeed, double floatAccuracy) {
        XYChart chart = ChartStyle.xy(820, 600, title, "time since programming", "accuracy");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(value -> "");
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        ChartStyle.legend(chart, Styler.LegendPosition.OutsideS);
        addSeedSeries(chart, "with global drift compensation", seconds, compensatedPerSeed, 0);
        addSeedSeries(chart, "without compensation", seconds, rawPerSeed, 1);
        XYSeries reference = chart.addSeries("float (as trained)", new double[] {seconds[0], seconds[seconds.length - 1]},
                new double[] {floatAccuracy, floatAccuracy});
        reference.setMarker(SeriesMarkers.NONE);
        reference.setLineColor(Color.BLACK);
        reference.setLineStyle(SeriesLines.DASH_DASH);
        for (double t : seconds) {
            chart.addAnnotation(new AnnotationLine(t, true, false));
            chart.addAnnotation(new AnnotationText(Ticks.duration(t), t, 0.03, false));
        }
        return Figure.of(chart);
    }

    private static void addSeedSeries(XYChart chart, String name, double[] seconds, double[][] perSeed, int colour) {
        double[] mean = new double[seconds.length];
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            mean[i] = Arrays.stream(perSeed[i]).average().orElse(Double.NaN);
            for (double accuracy : perSeed[i]) {
                xs.add(seconds[i]);
                ys.add(accuracy);
            }
        }
        XYSeries line = chart.addSeries(name + " (mean)", seconds, mean);
        line.setLineColor(Palette.category(colour));
        line.setMarker(SeriesMarkers.NONE);
        XYSeries points = chart.addSeries(name + " (each device seed)", xs, ys);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarkerColor(Palette.category(colour));
        points.setMarker(colour == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
    }

    /**
     * The energy breakdown: for each target one bar of the shares (percent of the point total) of
     * synaptic ops, neuron updates, memory, routing and static, labelled with the point total in
     * SI-prefixed joules, so targets five orders of magnitude apart stay readable; the low / point /
     * high ranges are in the JSON reports.
     */
    public static Figure energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            labels.add(targets.get(i) + " (" + Ticks.withUnit(energies.get(i).totalJoules().point(), "J") + ")");
        }
        CategoryChart chart = ChartStyle.category(Math.max(800, 110 * targets.size()), 600, title,
                "target (point energy per inference)", "share of the energy (%)");
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisMax(100.0);
        ChartStyle.legend(chart, Styler.LegendPosition.OutsideE);
        for (int term = 0; term < energies.get(0).terms().size(); term++) {
            int index = term;
            chart.addSeries(energies.get(0).terms().get(term).name(), labels, energies.stream()
                    .map(e -> 100 * e.terms().get(index).joules().point() / e.totalJoules().point()).toList());
        }
        return Figure.of(chart);
    }
}
