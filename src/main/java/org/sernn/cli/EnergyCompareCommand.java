package org.sernn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.hardware.EnergyComparison;
import org.sernn.hardware.HardwareProfile;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.train.TaskTrials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sernn energy-compare RATE SPIKING --out DIR}: the energy side of {@code compare}. */
@Command(name = "energy-compare", mixinStandardHelpOptions = true,
        description = "A rate model on every von Neumann profile against a spiking model on every neuromorphic "
                + "profile: accuracy, NeuroBench metrics, energy per inference (low / point / high), ratio ranges with their dominant terms; writes DIR/energy-compare.{json,md,png}.")
public final class EnergyCompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RATE", description = "The rate model (.npz or .yaml).")
    Path rate;

    @Parameters(index = "1", paramLabel = "SPIKING", description = "The spiking model (.npz or .yaml).")
    Path spiking;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--profiles", defaultValue = "hardware-profiles",
            description = "Directory of hardware profiles (default: ${DEFAULT-VALUE}).")
    Path profiles;

    @Option(names = "--trials", defaultValue = "512", description = "Test trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--device-seeds", defaultValue = "3", description = "Device instances per target (default: ${DEFAULT-VALUE}).")
    int deviceSeeds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the trials and devices (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PlacementMixin placement;

    @Override
    public Integer call() throws Exception {
        OutputPaths.folder("--out", out);
        if (trials < 1 || deviceSeeds < 1) {
            throw new UserError("--trials and --device-seeds must be at least 1, were " + trials + " and " + deviceSeeds);
        }
        Network rateNetwork = ModelSource.load(rate);
        Network spikingNetwork = ModelSource.load(spiking);
        TaskTrials.requireMemory(rateNetwork.config(), trials, false, "--trials");
        TaskTrials.requireMemory(spikingNetwork.config(), trials, false, "--trials");
        List<HardwareProfile> baselines = EnergyComparison.profilesOfKind(profiles, HardwareProfile.Kind.VON_NEUMANN);
        List<HardwareProfile> chips = EnergyComparison.profilesOfKind(profiles, HardwareProfile.Kind.NEUROMORPHIC);
        List<EnergyComparison.Row> rows = EnergyComparison.measure(rateNetwork, spikingNetwork, baselines, chips,
                trials, deviceSeeds, seed, placement.options());
        EnergyComparison.write(rows, rateNetwork, spikingNetwork, seed, out, System.out);
        return 0;
    }
}
