package org.sernn.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import org.sernn.export.ExportFormat;
import org.sernn.model.Network;

/** The demo's export step: the trained network as {@code model.nir}, with what a NIR consumer will approximate. */
public final class ExportDemo {
    public static final String FILE_NAME = "model.nir";

    private ExportDemo() {
    }

    /** Writes {@code outDir/model.nir} and logs the file and every warning; returns the file. */
    public static Path run(Network network, Path outDir, PrintStream log) {
        Path file = outDir.resolve(FILE_NAME);
        for (String warning : ExportFormat.NIR.write(file, network, null)) {
            log.println("   warning: " + warning);
        }
        return file;
    }
}
