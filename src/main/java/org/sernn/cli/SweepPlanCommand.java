package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sernn.analysis.sweep.SlurmScripts;
import org.sernn.analysis.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sernn sweep plan --out DIR}: DIR/plan.csv, DIR/configs/, DIR/sweep.sbatch and DIR/collect.sbatch. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Writes DIR/plan.csv (one line per run), "
        + "the base configs and the Slurm job-array scripts DIR/sweep.sbatch and DIR/collect.sbatch.")
final class SweepPlanCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Sweep directory.")
    Path out;

    @Mixin
    SweepGridOptions grid;

    @Mixin
    SweepSlurmOptions slurm;

    @Mixin
    SweepCollectOptions collect;

    @Override
    public Integer call() throws IOException {
        OutputPaths.folder("--out", out);
        SweepPlan plan = plan(out, grid, slurm, collect);
        System.out.printf("sweep plan: %d runs in %s; submit with 'sernn sweep submit %s' or run one with 'sernn sweep "
                + "run %s --index I'%n", plan.entries().size(), out.resolve(SweepPlan.FILE), out, out);
        return 0;
    }

    static SweepPlan plan(Path out, SweepGridOptions grid, SweepSlurmOptions slurm, SweepCollectOptions collect)
            throws IOException {
        collect.settings();   // refuse bad collect options before writing anything
        SlurmScripts scripts = slurm.scripts();
        SweepPlan plan = grid.planner().writeTo(out);
        scripts.writeTo(out, plan.entries().size(), collect.arguments());
        return plan;
    }
}
