package org.sernn.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.sernn.UserError;

/**
 * An IDX file of unsigned bytes, the format of MNIST and Fashion-MNIST (LeCun et al.,
 * yann.lecun.com/exdb/mnist): a big-endian magic {@code 0x000008NN} (0x08 = unsigned byte, NN =
 * number of dimensions), NN big-endian 32-bit dimensions, then the values in row-major order. Read
 * raw or gzip-compressed (recognised by the gzip magic). The declared size is checked against the
 * file before anything is allocated: the file length for raw files, the gzip trailer's
 * uncompressed length (modulo 2^32) for compressed ones.
 *
 * @param dims   the dimensions, outermost first (60000, 28, 28 for the Fashion-MNIST training images)
 * @param values the unsigned bytes as Java bytes (read them with {@code & 0xFF})
 */
public record IdxFile(int[] dims, byte[] values) {
    /** Magic of a 3-dimensional unsigned-byte array (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic of a 1-dimensional unsigned-byte array (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /**
     * Reads {@code file}, which must have the {@code expectedMagic}.
     *
     * @throws UserError naming the file for a missing or unreadable file, a wrong magic, a declared
     *                   size that does not match the file, or a truncated file
     */
    public static IdxFile read(Path file, int expectedMagic) {
        try {
            boolean gzip = isGzip(file);
            long stored = gzip ? gzipUncompressedLength(file) : Files.size(file);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file, gzip), 1 << 16))) {
                int magic = readHeaderInt(in, file, "magic number");
                if (magic != expectedMagic) {
                    throw new UserError(file + ": IDX magic number is 0x" + hex(magic) + "; expected 0x"
                            + hex(expectedMagic) + " (unsigned bytes, " + (expectedMagic & 0xFF) + " dimensions)");
                }
                int[] dims = new int[magic & 0xFF];
                long count = 1;
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = readHeaderInt(in, file, "dimension " + d);
                    if (dims[d] < 0) {
                        throw new UserError(file + ": IDX dimension " + d + " is " + dims[d] + "; must be >= 0");
                    }
                    count *= dims[d];
                }
                long declared = 4L * (1 + dims.length) + count;
                long comparable = gzip ? declared & 0xFFFFFFFFL : declared;
                if (comparable != stored) {
                    throw new UserError(file + ": IDX header declares " + Arrays.toString(dims) + " = " + declared
                            + " bytes, but the " + (gzip ? "gzip stream holds " : "file holds ") + stored + " bytes");
                }
                if (count > Integer.MAX_VALUE - 8) {
                    throw new UserError(file + ": IDX file holds " + count + " values, more than sernn reads from one "
                            + "file (" + (Integer.MAX_VALUE - 8) + ")");
                }
                byte[] values = new byte[(int) count];
                in.readFully(values);
                if (in.read() != -1) {
                    throw new UserError(file + ": IDX file has bytes after the " + count + " declared values");
                }
                return new IdxFile(dims, values);
            }
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": IDX file not found");
        } catch (EOFException e) {
            throw new UserError(file + ": IDX file is truncated (fewer values than its header declares)");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read IDX file: " + e.getMessage());
        }
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new UserError(file + ": IDX file ends inside its header (" + what + ")");
        }
    }

    private static String hex(int value) {
        return String.format("%08x", value);
    }

    private static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** ISIZE, the last four bytes of a gzip file: the uncompressed length modulo 2^32, little-endian (RFC 1952). */
    private static long gzipUncompressedLength(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() < 18) {
                throw new UserError(file + ": gzip file is truncated (" + raf.length() + " bytes)");
            }
            raf.seek(raf.length() - 4);
            long size = 0;
            for (int i = 0; i < 4; i++) {
                size |= (long) raf.read() << (8 * i);
            }
            return size;
        }
    }

    /** The unsigned value at {@code index}. */
    public int valueAt(int index) {
        return values[index] & 0xFF;
    }
}
