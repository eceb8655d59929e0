package org.sernn.analysis.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.sim.Recording;
import org.sernn.sim.SpikeRaster;
import org.sernn.task.TaskPhase;
import org.sernn.task.Tasks;
import org.sernn.train.TaskTrials;
import org.sernn.util.plot.ChartStyle;
import org.sernn.util.plot.Figure;

/**
 * One trial as the snnTorch and Brian 2 tutorials draw it, four panels on one time axis: the input
 * channels, the spike raster sorted by module (ALIF and LIF units in two colours), the population
 * rate, and the readout with the loss window shaded; task phases are marked on every panel.
 */
public final class RasterPlot {
    private static final int WIDTH = 1000;
    private static final int MAX_DOTS = 200_000;
    private static final Color ALIF = new Color(20, 40, 120);
    private static final Color LIF = new Color(230, 110, 10);

    private RasterPlot() {
    }

    /**
     * What the panel shows.
     *
     * @param input    the inputs of the run (null: no input panel)
     * @param lossMask weight of each step in the loss (null: no shading)
     * @param beta     adaptation strength per unit: ALIF where above zero
     * @param modules  module per unit (null: units in index order)
     */
    public record TrialView(String title, int trial, double dtMs, Recording recording, InputBatch input,
            double[] lossMask, List<TaskPhase> phases, double[] beta, int[] modules) {

        /** Trial {@code trial} of a run of {@code network} on {@code run}'s inputs. */
        public static TrialView of(Network network, Recording recording, TaskTrials run, int[] modules, int trial,
                String title) {
            var task = network.config().task();
            // A recorded data set has no phases; building its task would read its files.
            List<TaskPhase> phases = task == null || Tasks.RECORDED.contains(task.name()) ? List.of()
                    : Tasks.of(network.config()).phases();
            return new TrialView(title, trial, network.neurons().dtMs(), recording, run.input(), run.lossMask(),
                    phases, network.neurons().beta(), modules);
        }
    }

    public static Figure panel(TrialView view) {
        List<Figure> panels = new ArrayList<>();
        if (view.input() != null) {
            panels.add(Figure.of(inputs(view)));
        }
        panels.add(Figure.of(raster(view)));
        panels.add(Figure.of(populationRate(view)));
        panels.add(Figure.of(readout(view)));
        return Figure.stacked(panels);
    }

    private static XYChart inputs(TrialView view) {
        InputBatch input = view.input();
        XYChart chart = timeChart(view, 190, ChartStyle.fit(view.title(), WIDTH), "input channel");
        double[] time = times(view);
        double max = 1e-12;
        for (int s = 0; s < input.steps(); s++) {
            for (int c = 0; c < input.channels(); c++) {
                max = Math.max(max, Math.abs(input.value(view.trial(), s, c)));
            }
        }
        for (int c = 0; c < input.channels(); c++) {
            double[] y = new double[input.steps()];
            for (int s = 0; s < input.steps(); s++) {
                y[s] = c + 0.8 * input.value(view.trial(), s, c) / max;
            }
            XYSeries series = chart.addSeries("channel " + c, time, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(new Color(60, 60, 60));
        }
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(input.channels() + 0.6);
        markPhases(chart, view, true, input.channels() + 0.25);
        return chart;
    }

    private static XYChart raster(TrialView view) {
        SpikeRaster spikes = view.recording().spikes();
        int n = spikes.units();
        int[] modules = view.modules() != null ? view.modules() : new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> modules[i]).thenComparingInt(i -> i));
        int[] row = new int[n];
        for (int r = 0; r < n; r++) {
            row[order[r]] = r;
        }
        List<Double> alifT = new ArrayList<>();
        List<Double> alifRow = new ArrayList<>();
        List<Double> lifT = new ArrayList<>();
        List<Double> lifRow = new ArrayList<>();
        int from = spikes.trialStart()[view.trial()];
        int count = Math.min(spikes.countInTrial(view.trial()), MAX_DOTS);
        for (int k = 0; k < count; k++) {
            int unit = spikes.unit()[from + k];
            boolean alif = view.beta()[unit] > 0;
            (alif ? alifT : lifT).add(spikes.step()[from + k] * view.dtMs());
            (alif ? alifRow : lifRow).add((double) row[unit]);
        }
        String yTitle = view.modules() != null ? "unit (sorted by module)" : "unit";
        XYChart chart = timeChart(view, 420, "", yTitle);
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(n - 0.5);
        chart.getStyler().setMarkerSize(3);
        addDots(chart, "ALIF", alifT, alifRow, ALIF);
        addDots(chart, "LIF", lifT, lifRow, LIF);
        legendBelow(chart);
        for (int r = 1; r < n; r++) {
            if (modules[order[r]] != modules[order[r - 1]]) {
                chart.addAnnotation(new AnnotationLine(r - 0.5, false, false));
            }
        }
        markPhases(chart, view, false, 0);
        return chart;
    }

    private static void addDots(XYChart chart, String name, List<Double> t, List<Double> row, Color colour) {
        if (t.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, t, row);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarkerColor(colour);
    }

    /** Spikes per unit per second in bins of about a hundredth of the trial. */
    private static XYChart populationRate(TrialView view) {
        SpikeRaster spikes = view.recording().spikes();
        int steps = spikes.steps();
        int binSteps = Math.max(1, steps / 100);
        int bins = (steps + binSteps - 1) / binSteps;
        double[] rateHz = new double[bins];
        double[] centreMs = new double[bins];
        int from = spikes.trialStart()[view.trial()];
        for (int k = 0; k < spikes.countInTrial(view.trial()); k++) {
            rateHz[spikes.step()[from + k] / binSteps] += 1;
        }
        for (int b = 0; b < bins; b++) {
            int width = Math.min(binSteps, steps - b * binSteps);
            rateHz[b] /= spikes.units() * width * view.dtMs() / 1000.0;
            centreMs[b] = (b * binSteps + width / 2.0) * view.dtMs();
        }
        XYChart chart = timeChart(view, 170, "", "rate (Hz)");
        XYSeries series = chart.addSeries("population rate", centreMs, rateHz);
        series.setMarker(SeriesMarkers.NONE);
        markPhases(chart, view, false, 0);
        return chart;
    }

    private static XYChart readout(TrialView view) {
        Recording recording = view.recording();
        XYChart chart = timeChart(view, 270, "", "readout y");
        chart.setXAxisTitle("time (ms)");
        chart.getStyler().setXAxisTicksVisible(true);
        double[] time = times(view);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < recording.nOut(); o++) {
            double[] y = new double[recording.steps()];
            for (int s = 0; s < recording.steps(); s++) {
                y[s] = recording.readout(view.trial(), s, o);
                min = Math.min(min, y[s]);
                max = Math.max(max, y[s]);
            }
            XYSeries series = chart.addSeries("output " + o, time, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        double pad = 0.05 * Math.max(max - min, 1e-9);
        chart.getStyler().setYAxisMin(min - pad);
        chart.getStyler().setYAxisMax(max + pad);
        if (view.lossMask() != null) {   // an area fills to zero: one band above it, one below
            shadeLossWindow(chart, view, "loss window", max + pad);
            shadeLossWindow(chart, view, "", min - pad).setShowInLegend(false);
        }
        legendBelow(chart);
        markPhases(chart, view, false, 0);
        return chart;
    }

    /** The steps that enter the loss as a light band from the bottom of the axis to {@code top}. */
    private static XYSeries shadeLossWindow(XYChart chart, TrialView view, String name, double top) {
        double[] mask = view.lossMask();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int s = 0; s < mask.length; s++) {
            x.add(s * view.dtMs());
            y.add(mask[s] > 0 ? top : Double.NaN);
        }
        XYSeries band = chart.addSeries(name.isEmpty() ? "loss window below zero" : name, x, y);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        band.setFillColor(new Color(0, 0, 0, 25));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        return band;
    }

    /** Legends go under a panel, so that every panel's time axis has the same width. */
    private static void legendBelow(XYChart chart) {
        ChartStyle.legend(chart, Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    private static void markPhases(XYChart chart, TrialView view, boolean label, double labelY) {
        int taskSteps = view.phases().isEmpty() ? 1 : view.phases().get(view.phases().size() - 1).toTaskStep();
        double msPerTaskStep = view.recording().steps() * view.dtMs() / taskSteps;
        for (TaskPhase phase : view.phases()) {
            if (phase.fromTaskStep() > 0) {
                chart.addAnnotation(new AnnotationLine(phase.fromTaskStep() * msPerTaskStep, true, false));
            }
            if (label) {
                chart.addAnnotation(new AnnotationText(phase.name(),
                        (phase.fromTaskStep() + phase.toTaskStep()) / 2.0 * msPerTaskStep, labelY, false));
            }
        }
    }

    private static XYChart timeChart(TrialView view, int height, String title, String yTitle) {
        XYChart chart = ChartStyle.xy(WIDTH, height, title, "", yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(view.recording().steps() * view.dtMs());
        chart.getStyler().setChartTitleVisible(!title.isEmpty());
        chart.getStyler().setXAxisTicksVisible(false);   // only the bottom panel (readout) labels time
        return chart;
    }

    private static double[] times(TrialView view) {
        double[] t = new double[view.recording().steps()];
        for (int s = 0; s < t.length; s++) {
            t[s] = s * view.dtMs();
        }
        return t;
    }
}
