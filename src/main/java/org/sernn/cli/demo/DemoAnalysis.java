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
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        if (analysis.function() != null) {
            tables.put("Function (fresh maze trials, choice period)", MetricNames.described(analysis.function()
                    .values()));
            Map<String, String> function = new LinkedHashMap<>();
            analysis.function().values().forEach((key, value) -> function.put(key, value instanceof Double d
                    ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(value)));
            raw.put("All function metrics under their keys in analysis/metrics.json", function);
        }
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (Map.Entry<String, Path> figure : figures.entrySet()) {
            if (CAPTIONS.containsKey(figure.getKey())) {   // the demo page shows its own raster
                images.put(CAPTIONS.get(figure.getKey()) + " (analysis/" + figure.getKey() + ".png)",
                        Files.readAllBytes(figure.getValue()));
            }
        }
        return new ReportSection("Structure and function", List.of("What the seRNN cost did to the network's wiring "
                + "and how its units carry the task (Achterberg, Akarca et al. 2023). Look for modularity Q well "
                + "above 0, small-worldness above 1 and a negative correlation between weight and distance: "
                + "the signs of a spatially embedded, modular network. All numbers are in analysis/metrics.json."),
                tables, images, raw);
    }

    private static final Map<String, String> CAPTIONS = Map.of(
            "weights_by_module", "Recurrent weight magnitudes with units sorted by spectral module; coloured boxes "
                    + "are the modules. Strong blocks on the diagonal mean dense within-module wiring",
            "positions_by_module", "Unit positions in three projections, coloured by module, with the "
                    + AnalysisFigures.STRONGEST + " strongest connections in grey. Spatially compact modules mean "
                    + "the cost tied function to space",
            "weight_vs_distance", "Each non-zero weight against the distance it spans, with the mean and standard "
                    + "deviation per distance bin. A falling mean means long connections were pruned",
            "metrics_over_epochs", "Structural metrics of the checkpoint after each epoch: how the structure "
                    + "emerged during training");
}
