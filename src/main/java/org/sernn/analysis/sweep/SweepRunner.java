package org.sernn.analysis.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.analysis.FunctionalMetrics;
import org.sernn.analysis.ModelAnalysis;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.io.RunFolder;
import org.sernn.linalg.BlasThreads;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.JsonReport;
import org.sernn.train.Trainer;

/**
 * Trains and analyses one run of a plan into {@code runs/INDEX/}. Idempotent: a run whose
 * {@value #RESULT_FILE} exists is skipped; an interrupted one resumes from its last epoch checkpoint
 * (the trainer's resume, bit-identical). The result is written atomically and last, so its presence
 * is what marks a run finished; wall times go to {@value #TIMING_FILE} so that the result itself is
 * the same bit for bit wherever the run trained. The run folder is locked while the run works on it
 * ({@link RunFolder}): the same index started twice at once (an array resubmitted while it still
 * runs) is refused with a message instead of two trainers writing one folder.
 */
public final class SweepRunner {
    /** Accuracies and metrics of a finished run, or {"status": "failed"} with the trainer's message. */
    public static final String RESULT_FILE = "result.json";
    public static final String TIMING_FILE = "timing.json";
    public static final String LOG_FILE = "train.log";

    /** What one call did. */
    public enum Outcome { ALREADY_DONE, FINISHED, FAILED }

    private SweepRunner() {
    }

    /**
     * ND4J on one thread: every run computes the same sums in the same order whether it trains alone on
     * a cluster node or next to other runs on local threads.
     */
    public static void useOneThreadPerRun() {
        BlasThreads.set(1);
    }

    /** The run's config: its base config with the plan's strength, seed and epochs. */
    public static ModelConfig config(Path sweepDir, PlanEntry entry) {
        Path base = sweepDir.resolve(entry.baseConfig());
        if (!Files.exists(base)) {
            throw new UserError(sweepDir.resolve(SweepPlan.FILE) + ": run " + entry.index() + ": base_config "
                    + entry.baseConfig() + " does not exist under " + sweepDir);
        }
        return ConfigVariants.with(ConfigLoader.load(base), entry.run().directoryName(), entry.run().seed(),
                entry.run().lambda(), entry.epochs());
    }

    public static ModelAnalysis.Options analysisOptions(PlanEntry.AnalysisSettings a) {
        return new ModelAnalysis.Options(new StructuralMetrics.Options(0.1, a.nulls(), 10, 1.0, a.seed()),
                new FunctionalMetrics.Options(a.permutations(), 0.01, a.seed()), a.trials(), a.seed());
    }

    public static Outcome run(Path sweepDir, PlanEntry entry, PrintStream log) throws IOException {
        Path dir = SweepPlan.runDirectory(sweepDir, entry.index());
        if (Files.exists(dir.resolve(RESULT_FILE))) {
            log.printf(Locale.ROOT, "sweep: run %d (%s) already finished%n", entry.index(), entry.run().directoryName());
            return Outcome.ALREADY_DONE;
        }
        try (RunFolder folder = RunFolder.open(dir, RunFolder.Mode.RESUME, Trainer.RUN_FILES,
                "sweep run --index " + entry.index())) {
            return trainAndAnalyse(sweepDir, entry, dir, log);
        }
    }

    /** Holding the run folder's lock (a second task on the same index is refused, not mixed in). */
    private static Outcome trainAndAnalyse(Path sweepDir, PlanEntry entry, Path dir, PrintStream log)
            throws IOException {
        ModelConfig config = config(sweepDir, entry);
        Network initial = NetworkFactory.build(config, sweepDir.resolve(entry.baseConfig()).toAbsolutePath().getParent());
        long start = System.nanoTime();
        Trainer.Result trained;
        try (OutputStream file = Files.newOutputStream(dir.resolve(LOG_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND); PrintStream runLog = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            trained = new Trainer(initial, dir, runLog, false).run(true);
        } catch (UserError e) {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("status", "failed");
            failed.put("message", e.getMessage());
            JsonReport.write(dir.resolve(RESULT_FILE), JsonReport.withProvenance(failed, config, config.seed()));
            log.printf(Locale.ROOT, "sweep: run %d (%s) failed: %s%n", entry.index(), entry.run().directoryName(),
                    e.getMessage());
            return Outcome.FAILED;
        }
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        long analysisStart = System.nanoTime();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", "finished");
        fields.put("validation_accuracy", trained.validationAccuracy());
        fields.put("test_accuracy", trained.testAccuracy());
        fields.putAll(ModelAnalysis.of(trained.network(), analysisOptions(entry.analysis())).fields());
        double analysisSeconds = (System.nanoTime() - analysisStart) / 1e9;
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("train_wall_time_seconds", trainSeconds);
        timing.put("analysis_wall_time_seconds", analysisSeconds);
        JsonReport.write(dir.resolve(TIMING_FILE), timing);
        JsonReport.write(dir.resolve(RESULT_FILE), JsonReport.withProvenance(fields, config, config.seed()));
        log.printf(Locale.ROOT, "sweep: run %d (%s) finished: validation accuracy %.3f, training %.1f s, analysis "
                + "%.1f s%n", entry.index(), entry.run().directoryName(), trained.validationAccuracy(), trainSeconds,
                analysisSeconds);
        return Outcome.FINISHED;
    }
}
