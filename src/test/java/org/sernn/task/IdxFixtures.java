package org.sernn.task;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files and MNIST-layout folders for tests, byte by byte as the format defines them. */
public final class IdxFixtures {
    private IdxFixtures() {
    }

    /** An IDX file of unsigned bytes with {@code magic} (type and dimension count) and {@code dims}. */
    public static void write(Path file, int magic, int[] dims, byte[] values, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream target = gzip ? new GZIPOutputStream(raw) : raw;
                DataOutputStream out = new DataOutputStream(target)) {
            out.writeInt(magic);
            for (int dim : dims) {
                out.writeInt(dim);
            }
            out.write(values);
        }
    }

    /**
     * A folder with {@code prefix}-images-idx3-ubyte and -labels-idx1-ubyte (gzip or raw) holding
     * {@code images[example][pixel]} of rows x columns pixels and their labels.
     */
    public static void writeImages(Path folder, String prefix, int rows, int columns, int[][] images, int[] labels,
            boolean gzip) throws IOException {
        Files.createDirectories(folder);
        byte[] pixels = new byte[images.length * rows * columns];
        for (int e = 0; e < images.length; e++) {
            for (int p = 0; p < rows * columns; p++) {
                pixels[e * rows * columns + p] = (byte) images[e][p];
            }
        }
        byte[] labelBytes = new byte[labels.length];
        for (int e = 0; e < labels.length; e++) {
            labelBytes[e] = (byte) labels[e];
        }
        String suffix = gzip ? ".gz" : "";
        write(folder.resolve(prefix + "-images-idx3-ubyte" + suffix), 0x803, new int[] {images.length, rows, columns},
                pixels, gzip);
        write(folder.resolve(prefix + "-labels-idx1-ubyte" + suffix), 0x801, new int[] {labels.length}, labelBytes,
                gzip);
    }
}
