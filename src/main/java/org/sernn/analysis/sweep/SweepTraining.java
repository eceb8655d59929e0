package org.sernn.analysis.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sernn.UserError;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.JsonReport;
import org.sernn.train.Trainer;

/**
 * Trains the runs of a sweep on a fixed pool of threads, one run per thread at a time. Resumable: a
 * run whose {@value #DONE_FILE} exists is skipped, and an interrupted run continues from its last
 * epoch (Trainer's resume). Each run's log goes to its own {@code train.log}.
 */
public final class SweepTraining {
    /** Written after a run finished: accuracies and wall time; its presence marks the run done. */
    public static final String DONE_FILE = "result.json";

    private final Path modelsDir;
    private final Path out;
    private final Integer epochs;
    private final PrintStream log;

    public SweepTraining(Path modelsDir, Path out, Integer epochs, PrintStream log) {
        this.modelsDir = modelsDir;
        this.out = out;
        this.epochs = epochs;
        this.log = log;
    }

    /** The base config of a run: models/PREFIX-REGULARISER.yaml. */
    public Path baseConfig(SweepRun run) {
        return modelsDir.resolve(run.network().configPrefix() + "-" + run.regulariser().name().toLowerCase(Locale.ROOT)
                + ".yaml");
    }

    public ModelConfig config(SweepRun run) {
        Path base = baseConfig(run);
        if (!Files.exists(base)) {
            throw new UserError(base + ": no such config for " + run.network().label() + " networks with the "
                    + run.regulariser().name().toLowerCase(Locale.ROOT) + " regulariser; --models DIR must hold "
                    + "rate-KIND.yaml and alif-KIND.yaml");
        }
        ModelConfig config = ConfigLoader.load(base);
        return ConfigVariants.with(config, run.directoryName(), run.seed(), run.lambda(), epochs);
    }

    /** Trains every unfinished run with {@code threads} workers; returns how many were trained now. */
    public int trainAll(List<SweepRun> runs, int threads) {
        runs.forEach(this::config);   // fail early on a missing config
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (SweepRun run : runs) {
                futures.add(pool.submit(() -> trainOne(run)));
            }
            int trained = 0;
            for (Future<Boolean> future : futures) {
                trained += future.get() ? 1 : 0;
            }
            return trained;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean trainOne(SweepRun run) throws IOException {
        Path dir = out.resolve(run.directoryName());
        if (Files.exists(dir.resolve(DONE_FILE))) {
            return false;
        }
        Files.createDirectories(dir);
        ModelConfig config = config(run);
        Network initial = NetworkFactory.build(config, baseConfig(run).toAbsolutePath().getParent());
        long start = System.nanoTime();
        Trainer.Result result;
        try (OutputStream file = Files.newOutputStream(dir.resolve("train.log"));
                PrintStream runLog = new PrintStream(file, true, StandardCharsets.UTF_8)) {
            result = new Trainer(initial, dir, runLog, false).run(true);
        } catch (UserError e) {
            log.println("sweep: " + run.directoryName() + " failed: " + e.getMessage());
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("failed", e.getMessage());
            JsonReport.write(dir.resolve(DONE_FILE), JsonReport.withProvenance(failed, config, config.seed()));
            return true;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("validation_accuracy", result.validationAccuracy());
        fields.put("test_accuracy", result.testAccuracy());
        fields.put("train_wall_time_seconds", seconds);
        JsonReport.write(dir.resolve(DONE_FILE), JsonReport.withProvenance(fields, config, config.seed()));
        synchronized (log) {
            log.printf(Locale.ROOT, "sweep: %s done in %.1f s, validation accuracy %.3f%n", run.directoryName(), seconds,
                    result.validationAccuracy());
        }
        return true;
    }
}
