package org.sernn.hardware;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * The energy breakdown: for each target one bar of the shares (percent of the point total) of
     * synaptic ops, neuron updates, memory, routing and static, labelled with the point total, so
     * targets five orders of magnitude apart stay readable; the low / point / high ranges are in the
     * JSON reports.
     */
    public static byte[] energyBreakdown(String title, List<String> targets, List<EnergyBreakdown> energies)
            throws IOException {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            labels.add(String.format(Locale.ROOT, "%s (%.2g J)", targets.get(i),
                    energies.get(i).totalJoules().point()));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(800, 110 * targets.size())).height(600)
                .title(title).xAxisTitle("target (point energy per inference)").yAxisTitle("share of the energy (%)")
                .build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int term = 0; term < energies.get(0).terms().size(); term++) {
            int index = term;
            chart.addSeries(energies.get(0).terms().get(term).name(), labels, energies.stream()
                    .map(e -> 100 * e.terms().get(index).joules().point() / e.totalJoules().point()).toList());
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
