package org.sernn.analysis.plots;

import java.awt.Color;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** One XY chart with a named series per entry ({x[], y[]}), lines with markers or markers only. */
public final class LinePlots {
    private LinePlots() {
    }

    public static XYChart chart(String title, String xTitle, String yTitle, Map<String, double[][]> series,
            boolean logX, boolean connect) {
        XYChart chart = new XYChartBuilder().width(520).height(400).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setMarkerSize(6);
        int k = 0;
        for (Map.Entry<String, double[][]> entry : series.entrySet()) {
            double[][] xy = finite(entry.getValue());
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(entry.getKey(), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(connect ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Png.moduleColour(k));
            s.setLineColor(Png.moduleColour(k));
            k++;
        }
        if (k == 0) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        return chart;
    }

    private static double[][] finite(double[][] xy) {
        int count = 0;
        for (int i = 0; i < xy[0].length; i++) {
            count += Double.isFinite(xy[0][i]) && Double.isFinite(xy[1][i]) ? 1 : 0;
        }
        double[][] out = new double[2][count];
        int k = 0;
        for (int i = 0; i < xy[0].length; i++) {
            if (Double.isFinite(xy[0][i]) && Double.isFinite(xy[1][i])) {
                out[0][k] = xy[0][i];
                out[1][k] = xy[1][i];
                k++;
            }
        }
        return out;
    }
}
