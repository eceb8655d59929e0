package org.sernn.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.analysis.EpochCheckpoints;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.SmallWorld;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.analysis.plots.AnalysisFigures;
import org.sernn.model.Network;
import org.sernn.model.JsonReport;
import org.sernn.report.ReportSection;

/**
 * The demo's "structure and function" step: analyses the trained network (and the epoch checkpoints
 * of its training run), writes metrics.json and the figures to {@code out}, and returns the section
 * of the HTML report.
 */
public final class DemoAnalysis {
    private DemoAnalysis() {
    }

    public static ReportSection section(Network network, Path trainingRun, Path out, long seed) throws IOException {
        ModelAnalysis analysis = ModelAnalysis.of(network, ModelAnalysis.Options.defaults(seed));
        Map<Integer, StructuralMetrics> byEpoch = EpochCheckpoints.structure(trainingRun,
                StructuralMetrics.Options.defaults(seed).withNulls(100));
        Map<String, Path> figures = AnalysisFigures.write(analysis, byEpoch, out);
        JsonReport.write(out.resolve("metrics.json"), JsonReport.withProvenance(analysis.fields(), network.config(),
                seed));

        StructuralMetrics s = analysis.structure();
        Map<String, String> structure = new LinkedHashMap<>();
        structure.put("modularity Q (spectral / Louvain)", String.format(Locale.ROOT, "%.3f (%d modules) / %.3f",
                s.spectral().q(), s.spectral().moduleCount(), s.louvain().q()));
        SmallWorld w = s.smallWorld();
        structure.put("small-world sigma", String.format(Locale.ROOT, "%.2f (C %.3f vs %.3f, L %.2f vs %.2f in %d "
                + "random graphs)", w.sigma(), w.clustering(), w.nullClustering(), w.pathLength(), w.nullPathLength(),
                w.nulls()));
        structure.put("corr(|W|, distance) Pearson / Spearman", String.format(Locale.ROOT, "%.3f / %.3f",
                s.weightDistanceCorr(), s.weightDistanceSpearman()));
        structure.put("total |W_rec|; weights above 1e-3", String.format(Locale.ROOT, "%.1f; %d",
                s.totalAbsWRec(), s.weightsAbove(1e-3)));
        structure.put("weighted global efficiency", String.format(Locale.ROOT, "%.3f", s.globalEfficiencyWeighted()));
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        tables.put("Structure (Brain Connectivity Toolbox definitions)", structure);
        if (analysis.function() != null) {
            Map<String, String> function = new LinkedHashMap<>();
            analysis.function().values().forEach((key, value) -> function.put(key, value instanceof Double d
                    ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(value)));
            tables.put("Function (maze trials, choice epoch)", function);
        }
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Map.Entry<String, Path> figure : figures.entrySet()) {
            if (!figure.getKey().equals("raster")) {   // the demo page shows its own raster
                images.put(figure.getKey().replace('_', ' '), Files.readAllBytes(figure.getValue()));
            }
        }
        return new ReportSection("Structure and function", List.of("Metrics of the trained network's recurrent "
                + "weights and of its activity on fresh maze trials (Achterberg, Akarca et al. 2023); all numbers "
                + "are in " + out.resolve("metrics.json") + "."), tables, images);
    }
}
