package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sernn.analysis.EpochCheckpoints;
import org.sernn.analysis.FunctionalMetrics;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.analysis.plots.AnalysisFigures;
import org.sernn.hardware.Deployment;
import org.sernn.hardware.PlacementOptions;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.model.JsonReport;
import org.sernn.train.TaskTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn analyze MODEL --out DIR}: structural and functional metrics and their figures. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Structural (BCT) and functional metrics of a model and its NeuroBench metrics per inference "
                + "(float32); writes DIR/metrics.json and PNG figures.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A checkpoint (.npz) or a config (.yaml).")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of trials, nulls and permutations (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trials", defaultValue = "256", description = "Maze trials for the functional metrics "
            + "(default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--nulls", defaultValue = "1000", description = "Random graphs for small-world sigma "
            + "(default: ${DEFAULT-VALUE}).")
    int nulls;

    @Option(names = "--permutations", defaultValue = "1000", description = "Permutations of the spatial "
            + "clustering test (default: ${DEFAULT-VALUE}).")
    int permutations;

    @Option(names = "--threshold", defaultValue = "0.1", description = "Proportion of strongest connections kept "
            + "for the binary metrics (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--epoch-nulls", defaultValue = "100", description = "Random graphs per epoch checkpoint for "
            + "the trajectories (default: ${DEFAULT-VALUE}).")
    int epochNulls;

    @Override
    public Integer call() throws IOException {
        OutputPaths.folder("--out", out);
        if (nulls < 1 || permutations < 1 || epochNulls < 1 || trials < 0 || !(threshold > 0 && threshold <= 1)) {
            throw new org.sernn.UserError("analyze: --nulls, --permutations and --epoch-nulls must be >= 1, --trials "
                    + ">= 0 and --threshold in (0, 1]");
        }
        Network network = ModelSource.load(model, configOptions.overrides());
        StructuralMetrics.Options structural = StructuralMetrics.Options.defaults(seed).withProportion(threshold);
        ModelAnalysis.Options options = new ModelAnalysis.Options(structural.withNulls(nulls),
                FunctionalMetrics.Options.defaults(seed).withPermutations(permutations), trials, seed);
        // plain progress lines on stderr: stdout keeps the results
        System.err.printf(Locale.ROOT, "analyze 1/3: structure (%d random graphs) and function (%d trials, %d "
                + "permutations)%n", nulls, trials, permutations);
        ModelAnalysis analysis = ModelAnalysis.of(network, options);
        System.err.println("analyze 2/3: the training run's epoch checkpoints, if any");
        Path runDir = model.toString().endsWith(".npz") ? model.toAbsolutePath().getParent() : null;
        Map<Integer, StructuralMetrics> byEpoch = EpochCheckpoints.structure(runDir,
                structural.withNulls(epochNulls));
        System.err.println("analyze 3/3: figures");
        Map<String, Path> figures = AnalysisFigures.write(analysis, byEpoch, out);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", model.toString());
        fields.putAll(analysis.fields());
        if (!byEpoch.isEmpty()) {
            Map<String, Object> epochs = new LinkedHashMap<>();
            byEpoch.forEach((epoch, metrics) -> epochs.put(Integer.toString(epoch), metrics.values()));
            fields.put("epochs", epochs);
        }
        Map<String, String> names = new LinkedHashMap<>();
        figures.forEach((name, file) -> names.put(name, out.relativize(file).toString()));
        fields.put("figures", names);
        if (network.config().task() != null && trials > 0) {
            fields.put("neurobench", Deployment.estimateOf(network, null, TaskTrials.draw(network.config(), trials, seed)
                    .input(), PlacementOptions.DEFAULT).neurobench().toReport());
        }
        JsonReport.write(out.resolve("metrics.json"), JsonReport.withProvenance(fields, network.config(), seed));
        StructuralMetrics s = analysis.structure();
        System.out.printf(Locale.ROOT, "modularity Q %.3f (%d modules; Louvain %.3f), small-world sigma %.3f, "
                + "corr(|W|, D) %.3f, total |W| %.1f%n", s.spectral().q(), s.spectral().moduleCount(), s.louvain().q(),
                s.smallWorld().sigma(), s.weightDistanceCorr(), s.totalAbsWRec());
        if (analysis.function() != null) {
            Map<String, Object> f = analysis.function().values();
            System.out.printf(Locale.ROOT, "accuracy %.3f on %d trials; mixed selectivity corr %s; informative units %s; "
                    + "goal/choice spatial clustering p %s%n", analysis.accuracy(), trials,
                    f.get("mixed_selectivity_corr"), f.get("informative_units"), f.get("selectivity_clustering_p"));
        }
        if (analysis.functionSkipped() != null) {
            System.out.println("skipped: " + analysis.functionSkipped());
        }
        System.out.println("wrote " + out.resolve("metrics.json") + " and " + figures.size() + " figures");
        return 0;
    }
}
