package org.sernn.util.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sernn.io.AtomicFiles;

/** Writes a figure as NAME.png and NAME.svg, each atomically. */
public final class FigureFiles {
    private FigureFiles() {
    }

    /** Returns the PNG's path. */
    public static Path write(Figure figure, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        byte[] pngBytes = figure.png();
        byte[] svgBytes = figure.svg();
        AtomicFiles.write(png, stream -> stream.write(pngBytes));
        AtomicFiles.write(dir.resolve(name + ".svg"), stream -> stream.write(svgBytes));
        return png;
    }
}
