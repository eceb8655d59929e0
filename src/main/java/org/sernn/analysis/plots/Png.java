package org.sernn.analysis.plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Charts to PNG bytes, alone or tiled in a row. */
public final class Png {
    private Png() {
    }

    public static byte[] of(Chart<?, ?> chart) {
        return tiled(List.of(chart), 1);
    }

    /** The charts tiled left to right, {@code columns} per row, on a white background. */
    public static byte[] tiled(List<? extends Chart<?, ?>> charts, int columns) {
        int width = charts.get(0).getWidth();
        int height = charts.get(0).getHeight();
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(width * Math.min(columns, charts.size()), height * rows,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int k = 0; k < charts.size(); k++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(k)), (k % columns) * width, (k / columns) * height,
                    null);
        }
        g.dispose();
        return encode(image);
    }

    public static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A distinct colour for module {@code k}. */
    public static Color moduleColour(int k) {
        Color[] palette = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
        return palette[k % palette.length];
    }
}
