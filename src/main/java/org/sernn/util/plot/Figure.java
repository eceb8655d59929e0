package org.sernn.util.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A figure of a fixed size in pixels, drawn by one painter onto any {@link Graphics2D}: the same
 * drawing becomes a PNG (for the report) and an SVG (for papers). Charts come from {@link ChartStyle}
 * so that every figure shares the same defaults.
 */
public record Figure(int width, int height, Consumer<Graphics2D> painter) {

    public static Figure of(Chart<?, ?> chart) {
        return tiled(List.of(chart), 1);
    }

    /** The charts left to right, {@code columns} per row; all take the first chart's size. */
    public static Figure tiled(List<? extends Chart<?, ?>> charts, int columns) {
        int width = charts.get(0).getWidth();
        int height = charts.get(0).getHeight();
        int rows = (charts.size() + columns - 1) / columns;
        return new Figure(width * Math.min(columns, charts.size()), height * rows, g -> {
            for (int k = 0; k < charts.size(); k++) {
                AffineTransform saved = g.getTransform();
                g.translate((k % columns) * width, (k / columns) * height);
                charts.get(k).paint(g, width, height);
                g.setTransform(saved);
            }
        });
    }

    /** Figures stacked top to bottom (panels sharing a time axis), each at its own height. */
    public static Figure stacked(List<Figure> panels) {
        int width = panels.stream().mapToInt(Figure::width).max().orElse(1);
        int height = panels.stream().mapToInt(Figure::height).sum();
        return new Figure(width, height, g -> {
            int y = 0;
            for (Figure panel : panels) {
                AffineTransform saved = g.getTransform();
                g.translate(0, y);
                panel.painter().accept(g);
                g.setTransform(saved);
                y += panel.height();
            }
        });
    }

    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        paintOnWhite(g);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paintOnWhite(g);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void paintOnWhite(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        painter.accept(g);
    }
}
