package org.sernn.analysis.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.io.AtomicFiles;

/** The PNG figures of {@code analyze}, each written atomically; returns name -> file. */
public final class AnalysisFigures {
    /** Connections drawn in the positions figure. */
    public static final int STRONGEST = 150;

    private AnalysisFigures() {
    }

    public static Map<String, Path> write(ModelAnalysis analysis, Map<Integer, StructuralMetrics> byEpoch, Path out)
            throws IOException {
        Files.createDirectories(out);
        Map<String, Path> files = new LinkedHashMap<>();
        var network = analysis.network();
        int[] modules = analysis.structure().spectral().modules();
        save(files, out, "weights_by_module", StructurePlots.weightMatrixByModule(network.wRec(), modules,
                "|W_rec| ordered by module (Q " + String.format(java.util.Locale.ROOT, "%.3f",
                        analysis.structure().spectral().q()) + ")"));
        save(files, out, "positions_by_module", StructurePlots.positionsByModule(network.positions(), network.wRec(),
                modules, STRONGEST, "modules"));
        save(files, out, "weight_vs_distance", StructurePlots.weightAgainstDistance(network.wRec(),
                network.positions().distanceMatrix(), "|w| against distance"));
        if (analysis.recording() != null && network.neurons().type().isSpiking()) {
            save(files, out, "raster", RasterPlot.png(analysis.recording().spikes(), 0, network.neurons().dtMs(),
                    "spikes, trial 0"));
        }
        if (!byEpoch.isEmpty()) {
            save(files, out, "metrics_over_epochs", trajectories(byEpoch));
        }
        return files;
    }

    /** Modularity, sigma, weight-distance correlation and total |W| against the epoch. */
    public static byte[] trajectories(Map<Integer, StructuralMetrics> byEpoch) {
        Map<String, ToDoubleFunction<StructuralMetrics>> metrics = new LinkedHashMap<>();
        metrics.put("modularity_q", m -> m.spectral().q());
        metrics.put("small_world_sigma", m -> m.smallWorld().sigma());
        metrics.put("weight_distance_corr", StructuralMetrics::weightDistanceCorr);
        metrics.put("total_abs_w_rec", StructuralMetrics::totalAbsWRec);
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, ToDoubleFunction<StructuralMetrics>> metric : metrics.entrySet()) {
            String key = metric.getKey();
            double[] x = new double[byEpoch.size()];
            double[] y = new double[byEpoch.size()];
            int k = 0;
            for (Map.Entry<Integer, StructuralMetrics> e : byEpoch.entrySet()) {
                x[k] = e.getKey();
                y[k] = metric.getValue().applyAsDouble(e.getValue());
                k++;
            }
            charts.add(LinePlots.chart(key, "epoch", key, Map.of(key, new double[][] {x, y}), false, true));
        }
        return Png.tiled(charts, 2);
    }

    private static void save(Map<String, Path> files, Path out, String name, byte[] png) throws IOException {
        Path file = out.resolve(name + ".png");
        AtomicFiles.write(file, stream -> stream.write(png));
        files.put(name, file);
    }
}
