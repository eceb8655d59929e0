package org.sernn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.train.TaskTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn deploy MODEL --profile FILE --out DIR}. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Accuracy (over device seeds; against time since programming on crossbars) and energy per "
                + "inference of a model on a hardware profile; writes DIR/report.json and, for crossbars, drift.png/.svg.")
public final class DeployCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A checkpoint (.npz) or a config (.yaml).")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--profile", required = true, paramLabel = ProfileArgument.LABEL,
            converter = ProfileArgument.class, description = ProfileArgument.HELP)
    HardwareProfile profile;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--trials", defaultValue = "512", description = "Test trials of the model's task (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--device-seeds", defaultValue = "5",
            description = "Device instances (noise, faults, stochastic rounding) to average over (default: ${DEFAULT-VALUE}).")
    int deviceSeeds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trials and the first device (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PlacementMixin placement;

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder("--out", out);
        if (trials < 1 || deviceSeeds < 1) {
            throw new UserError("--trials and --device-seeds must be at least 1, were " + trials + " and "
                    + deviceSeeds);
        }
        Network network = ModelSource.load(model, configOptions.overrides());
        TaskTrials.requireMemory(network.config(), trials, false, "--trials");
        DeployReport.run(network, profile, trials, deviceSeeds, seed, placement.options(), out,
                System.out);
        System.out.println("report: " + out.resolve("report.json"));
        return 0;
    }
}
