package org.sernn.cli;

import java.util.Locale;
import org.sernn.UserError;
import org.sernn.analysis.sweep.SlurmScripts;
import picocli.CommandLine.Option;

/** The resources of a sweep's Slurm jobs (written into DIR/sweep.sbatch and DIR/collect.sbatch). */
final class SweepSlurmOptions {
    @Option(names = "--max-parallel", defaultValue = "50", description = "Array tasks running at once (the %%K "
            + "of --array; default: ${DEFAULT-VALUE}).")
    int throttle;

    @Option(names = "--cpus-per-task", defaultValue = "1", description = "CPUs per run; sernn trains each run on "
            + "one thread (default: ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--mem", defaultValue = "4G", description = "Memory per run, Slurm syntax (default: "
            + "${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--time", defaultValue = "01:00:00", description = "Time limit per run, Slurm syntax; an "
            + "interrupted run resumes from its last epoch when resubmitted (default: ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(names = "--collect-time", defaultValue = "00:30:00", description = "Time limit of the collect job "
            + "(default: ${DEFAULT-VALUE}).")
    String collectTimeLimit;

    @Option(names = "--java-options", defaultValue = "-Xmx2g", description = "JVM options of each run (default: "
            + "${DEFAULT-VALUE}).")
    String javaOptions;

    @Option(names = "--sernn", description = "Command that runs sernn on the cluster's nodes (default: this JVM "
            + "and class path).")
    String sernnCommand;

    SlurmScripts scripts() {
        if (throttle < 1 || cpusPerTask < 1 || !memory.matches("\\d+[KMGT]?") || !timeLimit.matches("[0-9:-]+")
                || !collectTimeLimit.matches("[0-9:-]+")) {
            throw new UserError(String.format(Locale.ROOT, "sweep plan: --max-parallel %d and --cpus-per-task %d must "
                    + "be at least 1, --mem '%s' like 4G, --time '%s' and --collect-time '%s' like 01:00:00 or "
                    + "1-00:00:00", throttle, cpusPerTask, memory, timeLimit, collectTimeLimit));
        }
        return new SlurmScripts(throttle, cpusPerTask, memory, timeLimit, collectTimeLimit,
                sernnCommand != null ? sernnCommand : SlurmScripts.currentSernn(javaOptions));
    }
}
