package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sernn.analysis.sweep.SweepPlan;
import org.sernn.analysis.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn sweep run DIR --index I}: one run of a plan (a Slurm array task). */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Trains and analyses run I of DIR/plan.csv "
        + "into DIR/runs/I/; skips a finished run and resumes an interrupted one from its last epoch.")
final class SweepRunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory with plan.csv.")
    Path dir;

    @Option(names = "--index", required = true, description = "Run index (the plan's line, 0-based; "
            + "$SLURM_ARRAY_TASK_ID in a job array).")
    int index;

    @Override
    public Integer call() throws IOException {
        SweepPlan plan = SweepPlan.read(dir);
        SweepRunner.useOneThreadPerRun();
        SweepRunner.run(dir, plan.entry(index, dir), System.out);
        return 0;
    }
}
