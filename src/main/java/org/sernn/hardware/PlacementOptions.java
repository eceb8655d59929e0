package org.sernn.hardware;

import org.sernn.UserError;

/**
 * How to place a network on a mesh profile: which placement enters the total, the neurons per core
 * (null: the profile's {@code limits.neurons_per_core}) and the seed of the random placement.
 */
public record PlacementOptions(PlacementKind used, Integer neuronsPerCore, long seed) {
    public static final PlacementOptions DEFAULT = new PlacementOptions(PlacementKind.SPATIAL, null, 1);

    public PlacementOptions {
        if (neuronsPerCore != null && neuronsPerCore < 1) {
            throw new UserError("--neurons-per-core must be at least 1, was " + neuronsPerCore);
        }
    }
}
