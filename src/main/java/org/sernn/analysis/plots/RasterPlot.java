package org.sernn.analysis.plots;

import java.awt.Color;
import java.io.IOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sernn.sim.SpikeRaster;

/** A spike raster of one trial as a PNG: time on x, unit on y, one dot per spike. */
public final class RasterPlot {
    private static final int MAX_DOTS = 200_000;

    private RasterPlot() {
    }

    public static byte[] png(SpikeRaster raster, int trial, double dtMs, String title) throws IOException {
        int from = raster.trialStart()[trial];
        int count = Math.min(raster.countInTrial(trial), MAX_DOTS);
        double[] timeMs = new double[Math.max(count, 1)];
        double[] unit = new double[Math.max(count, 1)];
        for (int k = 0; k < count; k++) {
            timeMs[k] = raster.step()[from + k] * dtMs;
            unit[k] = raster.unit()[from + k];
        }
        XYChart chart = new XYChartBuilder().width(1000).height(500).title(title)
                .xAxisTitle("time (ms)").yAxisTitle("unit").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(raster.steps() * dtMs);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(raster.units() - 0.5);
        XYSeries series = chart.addSeries("spikes", timeMs, unit);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(new Color(20, 40, 120));
        if (count == 0) {
            series.setMarkerColor(new Color(0, 0, 0, 0));
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
