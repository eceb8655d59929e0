package org.sernn.util.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class FigureTest {
    @TempDir
    Path dir;

    @Test
    void numbersKeepTheirLeadingZeroAndLoseTrailingZeros() {
        assertEquals("0.0045", Ticks.number(0.0045));
        assertEquals("2.5", Ticks.number(2.50));
        assertEquals("3.16e+07", Ticks.number(31_557_600));
        assertEquals("-0.1", Ticks.number(-0.1));
    }

    @Test
    void siPrefixPutsTheLargestValueBetweenOneAndAThousand() {
        Ticks.SiScale milli = Ticks.si(0.0045, "J");
        assertEquals("mJ", milli.unit());
        assertEquals(4.5, 0.0045 * milli.factor(), 1e-12);
        assertEquals("\u00b5J", Ticks.si(2.0e-6, "J").unit());
        assertEquals("J", Ticks.si(12, "J").unit());
        assertEquals("4.5 nJ", Ticks.withUnit(4.5e-9, "J"));
    }

    @Test
    void durationsReadInTheLargestWholeUnit() {
        assertEquals("1 s", Ticks.duration(1));
        assertEquals("1 min", Ticks.duration(60));
        assertEquals("1 h", Ticks.duration(3600));
        assertEquals("1 d", Ticks.duration(86_400));
        assertEquals("1 y", Ticks.duration(31_557_600));
        assertEquals("2 h", Ticks.duration(7200));
    }

    /** A log axis with values across six decades, written as a PNG and an SVG of the same size. */
    @Test
    void aFigureIsWrittenAsPngAndSvgOfTheSameSize() throws Exception {
        XYChart chart = ChartStyle.xy(600, 400, "energy", "target", "energy (mJ)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.addSeries("total", new double[] {0, 1, 2}, new double[] {4.5, 2.5e-3, 2.6e-3});
        Figure figure = Figure.of(chart);
        Path png = FigureFiles.write(figure, dir, "energy");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertEquals(figure.width(), image.getWidth());
        assertEquals(figure.height(), image.getHeight());
        String svg = Files.readString(dir.resolve("energy.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("width=\"" + figure.width()), svg.substring(0, 300));
        assertTrue(svg.trim().endsWith("</svg>"), "a complete document");
    }
}
