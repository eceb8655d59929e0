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
import org.sernn.analysis.plots.ChartStyle;
import org.sernn.analysis.plots.Figure;
import org.sernn.analysis.plots.Palette;
import org.sernn.analysis.plots.Ticks;

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
        XYChart chart = ChartStyle.xy(820, 500, title, "time since programming", "accuracy");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(value -> "");
        ChartStyle.legend(chart, Styler.LegendPosition.InsideSW);
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
     * Energy per inference of each target, one bar per term (synaptic operations, neuron updates,
     * routing, static) on a log axis in SI-prefixed joules; terms that are zero are left out.
     */
    public static Figure energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies) {
        double largest = energies.stream().mapToDouble(EnergyBreakdown::totalJoules).max().orElse(1);
        Ticks.SiScale scale = Ticks.si(largest, "J");
        CategoryChart chart = ChartStyle.category(Math.max(700, 140 * targets.size()), 500, title, "target",
                "energy per inference (" + scale.unit() + ")");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setOverlapped(false);
        ChartStyle.legend(chart, Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        addTerm(chart, "synaptic ops", targets, energies.stream().map(e -> e.synapticJoules() * scale.factor()).toList());
        addTerm(chart, "neuron updates", targets, energies.stream().map(e -> e.neuronJoules() * scale.factor()).toList());
        addTerm(chart, "spike routing", targets, energies.stream().map(e -> e.routingJoules() * scale.factor()).toList());
        addTerm(chart, "static", targets, energies.stream().map(e -> e.staticJoules() * scale.factor()).toList());
        return Figure.of(chart);
    }

    private static void addTerm(CategoryChart chart, String name, List<String> targets, List<Double> values) {
        List<Double> positive = values.stream().map(v -> v > 0 ? v : null).toList();
        if (positive.stream().anyMatch(v -> v != null)) {
            chart.addSeries(name, targets, positive);
        }
    }
}
