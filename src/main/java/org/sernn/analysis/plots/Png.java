package org.sernn.analysis.plots;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.sernn.util.plot.Figure;
import org.sernn.util.plot.Palette;

/** PNG bytes of charts styled by {@link ChartStyle}, for callers that need only the bitmap. */
public final class Png {
    private Png() {
    }

    public static byte[] of(Chart<?, ?> chart) {
        return Figure.of(chart).png();
    }

    /** The charts tiled left to right, {@code columns} per row, on a white background. */
    public static byte[] tiled(List<? extends Chart<?, ?>> charts, int columns) {
        return Figure.tiled(charts, columns).png();
    }

    /** A distinct colour for module {@code k}. */
    public static Color moduleColour(int k) {
        return Palette.category(k);
    }
}
