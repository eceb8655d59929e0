package org.sernn.model;

/** Structural penalty on the recurrent weights (Achterberg, Akarca et al. 2023). */
public enum RegulariserKind {
    NONE, L1, SPATIAL, COMMUNICABILITY, SERNN;
}
