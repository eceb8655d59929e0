package org.sernn.hardware;

/** How units are mapped to cores ({@link CorePlacement}). */
public enum PlacementKind {
    /** recursive coordinate bisection of the units' 3D positions */
    SPATIAL,
    /** a seeded shuffle: the placement-unaware baseline */
    RANDOM
}
