package org.sernn.analysis.plots;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.sernn.util.plot.ChartStyle;

/** One XY chart with a named series per entry ({x[], y[]}), lines with markers or markers only. */
public final class LinePlots {
    private LinePlots() {
    }

    public static XYChart chart(String title, String xTitle, String yTitle, Map<String, double[][]> series,
            boolean logX, boolean connect) {
        XYChart chart = ChartStyle.xy(520, 400, title, xTitle, yTitle);
        chart.getStyler().setXAxisLogarithmic(logX);
        int k = 0;
        for (Map.Entry<String, double[][]> entry : series.entrySet()) {
            double[][] xy = finite(entry.getValue());
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(entry.getKey(), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(connect ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            k++;
        }
        if (k > 1) {
            ChartStyle.legend(chart, org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        }
        if (k == 0) {
            chart.addSeries("no data", new double[] {0}, new double[] {0}).setShowInLegend(false);
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
