package org.sernn.cli.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.export.NirImporter;
import org.sernn.export.NirRoundTripTest;
import org.sernn.model.Network;

/** The demo step writes model.nir, logs the adaptation warning, and the file imports as the network. */
class ExportDemoTest {
    @TempDir
    Path dir;

    @Test
    void writesTheNetworkAsNirAndWarns() {
        Network network = NirRoundTripTest.float32Weights(NirRoundTripTest.network("{type: alif, alif_fraction: 1.0}"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path file = ExportDemo.run(network, dir, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(dir.resolve("model.nir"), file);
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("40 of 40 units are adaptive") && text.contains("WITHOUT adaptation"), text);
        assertArrayEquals(network.wRec().toArray(), NirImporter.read(file, null).network().wRec().toArray(), 0.0);
    }
}
