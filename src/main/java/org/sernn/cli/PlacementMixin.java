package org.sernn.cli;

import org.sernn.hardware.PlacementKind;
import org.sernn.hardware.PlacementOptions;
import picocli.CommandLine.Option;

/** The placement options of {@code deploy} and {@code energy-compare} (docs/energy.md). */
public final class PlacementMixin {
    @Option(names = "--placement", defaultValue = "spatial", description = "Placement of units on cores whose routing "
            + "enters the energy total on a mesh profile: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
            + "both are reported.")
    PlacementKind placement;

    @Option(names = "--neurons-per-core", description = "Units per core on a mesh profile (default: the profile's "
            + "limits.neurons_per_core); lower it to spread a small network over several cores.")
    Integer neuronsPerCore;

    @Option(names = "--placement-seed", defaultValue = "1", description = "Seed of the random placement (default: "
            + "${DEFAULT-VALUE}).")
    long placementSeed;

    PlacementOptions options() {
        return new PlacementOptions(placement, neuronsPerCore, placementSeed);
    }
}
