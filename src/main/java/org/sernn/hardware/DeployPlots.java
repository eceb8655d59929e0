package org.sernn.hardware;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** PNG plots of a deployment: accuracy against time since programming, and the energy breakdown. */
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

    /** Energy per inference split into synaptic, neuron-update, routing and static parts. */
    public static byte[] energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("target").yAxisTitle("energy per inference (J)").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("synaptic ops", targets, energies.stream().map(EnergyBreakdown::synapticJoules).toList());
        chart.addSeries("neuron updates", targets, energies.stream().map(EnergyBreakdown::neuronJoules).toList());
        chart.addSeries("spike routing", targets, energies.stream().map(EnergyBreakdown::routingJoules).toList());
        chart.addSeries("static", targets, energies.stream().map(EnergyBreakdown::staticJoules).toList());
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
