package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sernn.analysis.sweep.SlurmSubmission;
import org.sernn.analysis.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sernn sweep submit DIR}: sbatch of the unfinished runs' array and of the dependent collect job. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submits DIR/sweep.sbatch for the runs "
        + "not finished yet and DIR/collect.sbatch after it (afterok); needs Slurm's sbatch on the PATH.")
final class SweepSubmitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory written by 'sernn sweep plan'.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        SweepPlan plan = SweepPlan.read(dir);
        List<String> jobs = SlurmSubmission.submit(dir, plan, System.getenv("PATH"));
        if (jobs.isEmpty()) {
            System.out.println("sweep submit: every run has finished; run 'sernn sweep collect " + dir + "'");
        } else {
            System.out.println("sweep submit: array job " + jobs.get(0) + ", collect job " + jobs.get(1));
        }
        return 0;
    }
}
