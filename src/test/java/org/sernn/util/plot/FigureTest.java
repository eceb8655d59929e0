package org.sernn.util.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.hardware.DeployPlots;
import org.sernn.hardware.EnergyBreakdown;

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

    /** A term that is zero for one target (static power on a CPU) must not break the log axis. */
    @Test
    void energyFigureOnALogAxisIsWrittenAsPngAndSvgOfTheSameSize() throws Exception {
        EnergyBreakdown cpu = new EnergyBreakdown(4e-3, 5e-4, 0, 0, 1, 1, 1);
        EnergyBreakdown chip = new EnergyBreakdown(2e-6, 1e-6, 3e-7, 1e-7, 1, 1, 1);
        Figure figure = DeployPlots.energyBreakdown("energy", List.of("rate on cpu", "spiking on loihi"),
                List.of(cpu, chip));
        Path png = FigureFiles.write(figure, dir, "energy");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        assertEquals(figure.width(), image.getWidth());
        assertEquals(figure.height(), image.getHeight());
        String svg = Files.readString(dir.resolve("energy.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("width=\"" + figure.width()), svg.substring(0, 300));
        assertTrue(svg.trim().endsWith("</svg>"), "a complete document");
    }
}
