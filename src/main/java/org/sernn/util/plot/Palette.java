package org.sernn.util.plot;

import java.awt.Color;

/** Colours shared by every figure: a ten-colour categorical cycle and a perceptual colour map. */
public final class Palette {
    static final Color[] CYCLE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    /** Anchors of the viridis colour map at 0, 0.25, 0.5, 0.75, 1. */
    private static final int[][] VIRIDIS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98},
        {253, 231, 37}};

    private Palette() {
    }

    /** A distinct colour for category (module, series) {@code k}. */
    public static Color category(int k) {
        return CYCLE[Math.floorMod(k, CYCLE.length)];
    }

    /** Viridis at {@code level} in [0, 1], linearly interpolated between its anchors. */
    public static Color viridis(double level) {
        double x = Math.max(0, Math.min(1, level)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double f = x - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }
}
