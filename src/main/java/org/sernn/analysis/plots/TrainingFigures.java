package org.sernn.analysis.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.sernn.train.EpochMetrics;
import org.sernn.util.plot.Figure;

/** Learning curves from metrics.csv rows: every loss component, train and validation accuracy, firing rate. */
public final class TrainingFigures {
    private TrainingFigures() {
    }

    /** Losses on a log axis, accuracies, and (spiking networks only) the mean firing rate, against the epoch. */
    public static Figure learningCurves(List<EpochMetrics> rows, boolean spiking) {
        List<XYChart> charts = new ArrayList<>();
        Map<String, ToDoubleFunction<EpochMetrics>> losses = new LinkedHashMap<>();
        losses.put("task loss", EpochMetrics::taskLoss);
        losses.put("regulariser", EpochMetrics::regulariserLoss);
        losses.put("rate loss", EpochMetrics::rateLoss);
        XYChart loss = LinePlots.chart("loss components", "epoch", "loss (training mean)", series(rows, losses),
                false, true);
        loss.getStyler().setYAxisLogarithmic(true);
        charts.add(loss);
        Map<String, ToDoubleFunction<EpochMetrics>> accuracy = new LinkedHashMap<>();
        accuracy.put("train", EpochMetrics::trainAccuracy);
        accuracy.put("validation", EpochMetrics::validationAccuracy);
        XYChart accuracyChart = LinePlots.chart("accuracy", "epoch", "accuracy", series(rows, accuracy), false, true);
        accuracyChart.getStyler().setYAxisMin(0.0);
        accuracyChart.getStyler().setYAxisMax(1.0);
        charts.add(accuracyChart);
        if (spiking) {
            charts.add(LinePlots.chart("mean firing rate", "epoch", "rate (Hz)",
                    series(rows, Map.of("rate", EpochMetrics::meanRateHz)), false, true));
        }
        return Figure.tiled(charts, charts.size());
    }

    /** Only positive values of each series (a log axis shows no zeros; a zero loss term is not drawn). */
    private static Map<String, double[][]> series(List<EpochMetrics> rows,
            Map<String, ToDoubleFunction<EpochMetrics>> values) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            double[][] xy = new double[2][rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                double v = value.applyAsDouble(rows.get(k));
                xy[0][k] = rows.get(k).epoch();
                xy[1][k] = v > 0 ? v : Double.NaN;
            }
            out.put(name, xy);
        });
        return out;
    }
}
