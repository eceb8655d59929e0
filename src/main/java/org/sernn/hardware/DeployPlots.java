package org.sernn.hardware;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * PNG plots of a deployment: accuracy against time since programming, and the energy breakdown (the
 * plot the demo's report shows).
 */
public final class DeployPlots {
    private DeployPlots() {
    }

    /** Accuracy (mean over device seeds, error bars one standard deviation) against log time. */
    public static byte[] driftCurve(String title, double[] seconds, double[] compensatedMean, double[] compensatedStd,
            double[] rawMean, double[] rawStd) throws IOException {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("time since programming (s)").yAxisTitle("accuracy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("with global drift compensation", seconds, compensatedMean, compensatedStd);
        chart.addSeries("without compensation", seconds, rawMean, rawStd);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Energy per inference (point values) split into synaptic, neuron-update, memory, routing and
     * static parts, one stacked bar per target; the low / point / high ranges are in the JSON reports.
     */
    public static byte[] energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title(title)
                .xAxisTitle("target").yAxisTitle("energy per inference (J), point values").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        for (int term = 0; term < energies.get(0).terms().size(); term++) {
            int index = term;
            chart.addSeries(energies.get(0).terms().get(term).name(), targets,
                    energies.stream().map(e -> e.terms().get(index).joules().point()).toList());
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
