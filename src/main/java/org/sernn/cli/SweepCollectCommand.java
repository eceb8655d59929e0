package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sernn.analysis.sweep.SweepCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sernn sweep collect DIR}: results.csv, figures and headline.md from the finished runs. */
@Command(name = "collect", mixinStandardHelpOptions = true, description = "Writes DIR/results.csv, the figures and "
        + "DIR/headline.md from the finished runs; reports the runs missing or failed by index.")
final class SweepCollectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Sweep directory with plan.csv.")
    Path dir;

    @Mixin
    SweepCollectOptions collect;

    @Override
    public Integer call() throws IOException {
        SweepCollector.collect(dir, collect.settings(), System.out);
        return 0;
    }
}
