package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.compare.ModelComparison;
import org.sernn.analysis.compare.SweepComparison;
import org.sernn.analysis.plots.AnalysisFigures;
import org.sernn.analysis.sweep.SweepRow;
import org.sernn.analysis.sweep.SweepTable;
import org.sernn.io.AtomicFiles;
import org.sernn.model.ModelSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sernn compare A B --out DIR}: two models (checkpoints or configs) or two sweeps (folders
 * with results.csv) side by side; writes DIR/compare.md and plots.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Two models or two sweeps side by side: DIR/compare.md and plots.")
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "A model (.npz or .yaml) or a sweep folder.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "A model (.npz or .yaml) or a sweep folder.")
    Path b;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of trials, nulls and permutations (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        OutputPaths.folder("--out", out);
        boolean sweepA = Files.isDirectory(a);
        boolean sweepB = Files.isDirectory(b);
        if (sweepA != sweepB) {
            throw new UserError("compare: A and B must both be models or both be sweep folders (" + a + ", " + b + ")");
        }
        Files.createDirectories(out);
        if (sweepA) {
            List<SweepRow> rowsA = SweepTable.read(a.resolve(SweepTable.FILE));
            List<SweepRow> rowsB = SweepTable.read(b.resolve(SweepTable.FILE));
            AtomicFiles.writeString(out.resolve("compare.md"), SweepComparison.markdown(a.toString(), rowsA,
                    b.toString(), rowsB));
            byte[] png = SweepComparison.againstSparsity(rowsA, rowsB);
            AtomicFiles.write(out.resolve("metric_vs_sparsity.png"), s -> s.write(png));
        } else {
            ModelAnalysis.Options options = ModelAnalysis.Options.defaults(seed);
            ModelAnalysis analysisA = ModelAnalysis.of(ModelSource.load(a), options);
            ModelAnalysis analysisB = ModelAnalysis.of(ModelSource.load(b), options);
            AtomicFiles.writeString(out.resolve("compare.md"), ModelComparison.markdown(a.toString(), analysisA,
                    b.toString(), analysisB, ModelComparison.SECTIONS));
            AnalysisFigures.write(analysisA, Map.of(), out.resolve("a"));
            AnalysisFigures.write(analysisB, Map.of(), out.resolve("b"));
        }
        System.out.println("wrote " + out.resolve("compare.md"));
        return 0;
    }
}
