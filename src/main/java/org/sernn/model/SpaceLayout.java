package org.sernn.model;

/** Where the recurrent units sit in space. */
public enum SpaceLayout {
    /** Integer grid, the seRNN default 5 x 5 x 4. */
    GRID,
    /** Uniformly at random in a box. */
    BOX,
    /** Read from a CSV file of x, y, z coordinates. */
    CSV
}
