package org.sernn.analysis.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.util.plot.Figure;
import org.sernn.util.plot.FigureFiles;

/** The figures of {@code analyze}, each written as PNG and SVG; returns name -> PNG file. */
public final class AnalysisFigures {
    /** Connections drawn in the positions figure. */
    public static final int STRONGEST = 150;
    /** The trial the raster panel shows. */
    public static final int RASTER_TRIAL = 0;

    private AnalysisFigures() {
    }

    public static Map<String, Path> write(ModelAnalysis analysis, Map<Integer, StructuralMetrics> byEpoch, Path out)
            throws IOException {
        Files.createDirectories(out);
        Map<String, Path> files = new LinkedHashMap<>();
        var network = analysis.network();
        int[] modules = analysis.structure().spectral().modules();
        files.put("weights_by_module", FigureFiles.write(StructurePlots.weightMatrixByModule(network.wRec(), modules,
                String.format(Locale.ROOT, "recurrent weights ordered by module (modularity Q = %.3f)",
                        analysis.structure().spectral().q())), out, "weights_by_module"));
        files.put("positions_by_module", FigureFiles.write(StructurePlots.positionsByModule(network.positions(),
                network.wRec(), modules, STRONGEST), out, "positions_by_module"));
        files.put("weight_vs_distance", FigureFiles.write(StructurePlots.weightAgainstDistance(network.wRec(),
                network.positions().distanceMatrix(), "weight magnitude against distance"), out,
                "weight_vs_distance"));
        if (analysis.recording() != null && network.neurons().type().isSpiking()) {
            files.put("raster", FigureFiles.write(RasterPlot.panel(RasterPlot.TrialView.of(network,
                    analysis.recording(), analysis.trials(), modules, RASTER_TRIAL, network.config().name()
                    + ": analysis trial " + RASTER_TRIAL)), out, "raster"));
        }
        if (!byEpoch.isEmpty()) {
            files.put("metrics_over_epochs", FigureFiles.write(trajectories(byEpoch), out, "metrics_over_epochs"));
        }
        return files;
    }

    /** Modularity, small-worldness, weight-distance correlation and total |W| against the epoch. */
    public static Figure trajectories(Map<Integer, StructuralMetrics> byEpoch) {
        Map<String, ToDoubleFunction<StructuralMetrics>> metrics = new LinkedHashMap<>();
        metrics.put("modularity Q", m -> m.spectral().q());
        metrics.put("small-worldness \u03c3", m -> m.smallWorld().sigma());
        metrics.put("weight-distance correlation", StructuralMetrics::weightDistanceCorr);
        metrics.put("total |W_rec|", StructuralMetrics::totalAbsWRec);
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, ToDoubleFunction<StructuralMetrics>> metric : metrics.entrySet()) {
            String name = metric.getKey();
            double[] x = new double[byEpoch.size()];
            double[] y = new double[byEpoch.size()];
            int k = 0;
            for (Map.Entry<Integer, StructuralMetrics> e : byEpoch.entrySet()) {
                x[k] = e.getKey();
                y[k] = metric.getValue().applyAsDouble(e.getValue());
                k++;
            }
            charts.add(LinePlots.chart(name, "epoch", name, Map.of(name, new double[][] {x, y}), false, true));
        }
        return Figure.tiled(charts, 2);
    }
}
