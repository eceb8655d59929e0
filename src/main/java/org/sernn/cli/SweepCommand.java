package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sernn.UserError;
import org.sernn.analysis.sweep.PlanEntry;
import org.sernn.analysis.sweep.SweepCollector;
import org.sernn.analysis.sweep.SweepPlan;
import org.sernn.analysis.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sernn sweep --out DIR}: plans a sweep (DIR/plan.csv and the Slurm scripts), runs every
 * unfinished run on local threads exactly as {@code sweep run} would, then collects. The subcommands
 * split the same work for a cluster (see docs/sweeps.md).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Trains rate and spiking networks over regulariser strengths and seeds, locally (resumable) or "
                + "as a Slurm job array (plan, run, collect, submit); writes DIR/results.csv, figures and headline.md.",
        subcommands = {SweepPlanCommand.class, SweepRunCommand.class, SweepCollectCommand.class,
                SweepSubmitCommand.class})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Sweep directory (plan.csv, runs/INDEX/, results).")
    Path out;

    @Mixin
    SweepGridOptions grid;

    @Mixin
    SweepCollectOptions collect;

    @Mixin
    SweepSlurmOptions slurm;

    @Option(names = "--threads", defaultValue = "2", description = "Runs trained at once on this machine "
            + "(default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--no-train", description = "Only collect the runs already finished (as 'sweep collect').")
    boolean noTrain;

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            throw new UserError("sweep: --out DIR is required (or use a subcommand: plan, run, collect, submit)");
        }
        OutputPaths.folder("--out", out);
        if (threads < 1) {
            throw new UserError("sweep: --threads must be at least 1, got " + threads);
        }
        SweepPlan plan = SweepPlanCommand.plan(out, grid, slurm, collect);
        if (!noTrain) {
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "sweep: %d runs in %s on %d threads%n", plan.entries().size(), out, threads);
            runAll(out, plan, threads);
            System.out.printf(Locale.ROOT, "sweep: runs done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        SweepCollector.collect(out, collect.settings(), System.out);
        return 0;
    }

    /** Every run of the plan through {@link SweepRunner#run}, {@code threads} at a time. */
    static void runAll(Path dir, SweepPlan plan, int threads) {
        SweepRunner.useOneThreadPerRun();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SweepRunner.Outcome>> futures = new ArrayList<>();
            for (PlanEntry entry : plan.entries()) {
                futures.add(pool.submit(() -> SweepRunner.run(dir, entry, System.out)));
            }
            for (Future<SweepRunner.Outcome> future : futures) {
                future.get();
            }
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
}
