package org.sernn.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal NumPy .npz writer (a zip of .npy version 1.0 files, little-endian, C order) for the
 * benchmark's exchange files with the Python peers: 1-D int32 and float64 arrays and scalars only.
 * Kept in the benchmark module on purpose so it does not depend on the project's own npz writer
 * (org.sernn.io), which was being written at the same time. Written atomically (temp file, rename).
 */
final class NpzWriter {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    NpzWriter put(String name, double[] values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.asDoubleBuffer().put(values);
        entries.put(name, npy("<f8", values.length, data.array()));
        return this;
    }

    NpzWriter put(String name, int[] values) {
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        data.asIntBuffer().put(values);
        entries.put(name, npy("<i4", values.length, data.array()));
        return this;
    }

    NpzWriter put(String name, double scalar) {
        return put(name, new double[] {scalar});
    }

    NpzWriter put(String name, int scalar) {
        return put(name, new int[] {scalar});
    }

    private static byte[] npy(String descr, int length, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + length + ",), }";
        // Magic (6) + version (2) + header length (2) + header, padded with spaces to a multiple of 64
        // and ended by a newline (NEP 1, the .npy format).
        int unpadded = 10 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        out.putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        out.put(data);
        return out.array();
    }

    void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try (OutputStream stream = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(stream)) {
            zip.setLevel(1);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
