package org.sernn.util.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The defaults every figure shares: white background, one solid line style and one marker (a style
 * is set per series only where it means something), a fixed colour cycle, tick labels with leading
 * zeros, no legend unless {@link #legend} is called (a
 * single series needs none: the axis titles name it), titles shortened to fit their chart.
 */
public final class ChartStyle {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {
    }

    public static XYChart xy(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(fit(title, width))
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        return chart;
    }

    public static CategoryChart category(int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(fit(title, width))
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setXAxisTickLabelsFormattingFunction(null);   // categories are names, not numbers
        return chart;
    }

    private static void apply(AxesChartStyler styler) {
        styler.setAnnotationLineColor(new Color(0, 0, 0, 50));
        styler.setAnnotationLineStroke(new BasicStroke(1f));
        styler.setAnnotationTextFont(TICKS);
        styler.setAnnotationTextFontColor(new Color(60, 60, 60));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(true);
        styler.setChartTitleFont(TITLE);
        styler.setAxisTitleFont(AXIS);
        styler.setAxisTickLabelsFont(TICKS);
        styler.setLegendFont(TICKS);
        styler.setLegendVisible(false);
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setSeriesColors(Palette.CYCLE);
        styler.setSeriesLines(new BasicStroke[] {SeriesLines.SOLID});
        styler.setSeriesMarkers(new Marker[] {SeriesMarkers.CIRCLE});
        styler.setMarkerSize(6);
        styler.setXAxisTickLabelsFormattingFunction(Ticks::number);
        styler.setYAxisTickLabelsFormattingFunction(Ticks::number);
    }

    /** Turns the legend on: for a caller that has added at least two series a reader must tell apart. */
    public static void legend(Chart<?, ?> chart, Styler.LegendPosition position) {
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(position);
    }

    /** The title, cut with an ellipsis where it would be wider than the chart at the title font. */
    public static String fit(String title, int widthPixels) {
        int maxChars = (int) (widthPixels / (TITLE.getSize() * 0.55));
        return title.length() <= maxChars ? title : title.substring(0, Math.max(1, maxChars - 1)) + "\u2026";
    }
}
