package org.sernn.hardware;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
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
     * Energy per inference of each target as a dot plot on a log axis in SI-prefixed joules: the total
     * as a black bar-like marker, each term (synaptic operations, neuron updates, routing, static) as a
     * coloured point; a term that is zero has no point (a log axis has no zero).
     */
    public static Figure energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies) {
        double largest = energies.stream().mapToDouble(EnergyBreakdown::totalJoules).max().orElse(1);
        Ticks.SiScale scale = Ticks.si(largest, "J");
        XYChart chart = ChartStyle.xy(Math.max(720, 170 * targets.size()), 520, title, "",
                "energy per inference (" + scale.unit() + ")");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(targets.size() - 0.5);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(x -> "");
        double smallest = energies.stream().flatMapToDouble(e -> java.util.stream.DoubleStream.of(e.synapticJoules(),
                e.neuronJoules(), e.routingJoules(), e.staticJoules())).filter(v -> v > 0).min().orElse(largest);
        double bottom = smallest * scale.factor() / 10;
        chart.getStyler().setYAxisMin(bottom);
        for (int k = 0; k < targets.size(); k++) {   // target names under their points, inside the plot
            chart.addAnnotation(new AnnotationText(targets.get(k), k, bottom * 2, false));
        }
        ChartStyle.legend(chart, Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        addTerm(chart, "total", energies, EnergyBreakdown::totalJoules, scale, Color.BLACK, SeriesMarkers.DIAMOND);
        addTerm(chart, "synaptic ops", energies, EnergyBreakdown::synapticJoules, scale, Palette.category(0),
                SeriesMarkers.CIRCLE);
        addTerm(chart, "neuron updates", energies, EnergyBreakdown::neuronJoules, scale, Palette.category(1),
                SeriesMarkers.CIRCLE);
        addTerm(chart, "spike routing", energies, EnergyBreakdown::routingJoules, scale, Palette.category(2),
                SeriesMarkers.CIRCLE);
        addTerm(chart, "static", energies, EnergyBreakdown::staticJoules, scale, Palette.category(4),
                SeriesMarkers.CIRCLE);
        chart.getStyler().setMarkerSize(10);
        return Figure.of(chart);
    }

    private static void addTerm(XYChart chart, String name, List<EnergyBreakdown> energies,
            ToDoubleFunction<EnergyBreakdown> joules, Ticks.SiScale scale, Color colour, Marker marker) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int k = 0; k < energies.size(); k++) {
            double value = joules.applyAsDouble(energies.get(k));
            if (value > 0) {
                x.add((double) k);
                y.add(value * scale.factor());
            }
        }
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(name, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarkerColor(colour);
            series.setMarker(marker);
        }
    }
}
