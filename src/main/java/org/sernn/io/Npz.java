package org.sernn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} files: a zip archive with one {@code .npy} member (see
 * {@link Npy}) per array, named {@code <key>.npy}, as {@code numpy.savez} and
 * {@code numpy.savez_compressed} write them and {@code numpy.load} reads them (numpy.lib.npyio,
 * numpy.lib.format). sernn's checkpoints, spike dumps and gradient dumps are such files.
 *
 * <p>Writing is atomic ({@link AtomicFiles}) and deflates every member, as
 * {@code savez_compressed} does. Members carry a fixed timestamp (1980-01-01), so the same arrays
 * always give the same bytes. Reading accepts deflated and stored members and checks the whole
 * archive (zip structure, every CRC, every header and data length) before it returns anything.
 */
public final class Npz {

    /** The suffix of every member name. */
    public static final String MEMBER_SUFFIX = ".npy";

    /** The earliest time a zip entry can record; used for every member so output is reproducible. */
    private static final LocalDateTime MEMBER_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /**
     * Writes {@code arrays} to {@code file} atomically, one member {@code <key>.npy} per entry, in
     * the map's iteration order (keep a {@link LinkedHashMap} for a stable order).
     *
     * @throws IOException if writing fails; {@code file} is then unchanged
     */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        arrays.forEach((key, array) -> {
            Objects.requireNonNull(key, "array key");
            Objects.requireNonNull(array, () -> "array for key '" + key + "'");
        });
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                zip.setMethod(ZipOutputStream.DEFLATED);
                for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                    ZipEntry member = new ZipEntry(entry.getKey() + MEMBER_SUFFIX);
                    member.setTimeLocal(MEMBER_TIME);
                    zip.putNextEntry(member);
                    Npy.write(zip, entry.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads every array of {@code file}, keyed by member name without {@code .npy}, in archive
     * order. The returned map is unmodifiable.
     *
     * @throws java.nio.file.NoSuchFileException if {@code file} does not exist (other
     *                                           {@link FileSystemException}s, such as access
     *                                           denied, also pass through)
     * @throws NpyFormatException                if the file is not a zip archive, is truncated or
     *                                           damaged (CRC mismatch), or a member is not a valid
     *                                           {@code .npy} array; the message names the file and
     *                                           the member
     * @throws IOException                       if reading fails otherwise
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(file + ": not a valid .npz (zip) archive: " + describe(e), e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String where = file + ": member " + name + ": ";
                if (entry.isDirectory() || !name.endsWith(MEMBER_SUFFIX)) {
                    throw new NpyFormatException(where + "not a " + MEMBER_SUFFIX + " array");
                }
                NpyArray array;
                try {
                    array = Npy.read(memberBytes(zip, entry));
                } catch (NpyFormatException e) {
                    throw new NpyFormatException(where + e.getMessage(), e);
                }
                String key = name.substring(0, name.length() - MEMBER_SUFFIX.length());
                if (arrays.put(key, array) != null) {
                    throw new NpyFormatException(where + "appears twice in the archive");
                }
            }
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * The array stored under {@code key}.
     *
     * @param file the file {@code arrays} came from, for the message
     * @throws NpyFormatException naming the file, the missing key and the keys present
     */
    public static NpyArray require(Map<String, NpyArray> arrays, Path file, String key) throws NpyFormatException {
        NpyArray array = arrays.get(key);
        if (array == null) {
            throw new NpyFormatException(file + ": no array '" + key + "' (present: "
                    + String.join(", ", arrays.keySet()) + ")");
        }
        return array;
    }

    /**
     * The array stored under {@code key}, which must have exactly {@code shape}.
     *
     * @param file the file {@code arrays} came from, for the message
     * @throws NpyFormatException naming the file and key if the array is missing or of another shape
     */
    public static NpyArray requireShape(Map<String, NpyArray> arrays, Path file, String key, int... shape)
            throws NpyFormatException {
        NpyArray array = require(arrays, file, key);
        if (!Arrays.equals(array.shape(), shape)) {
            throw new NpyFormatException(file + ": array '" + key + "' has shape "
                    + NpyHeader.pythonTuple(array.shape()) + ", expected " + NpyHeader.pythonTuple(shape));
        }
        return array;
    }

    /**
     * The array's values as {@code as} reads them ({@link NpyArray#asDoubles}, {@link NpyArray#asInts},
     * ...).
     *
     * @throws NpyFormatException naming the file and key if the array's dtype cannot be read that way
     */
    public static <T> T values(NpyArray array, Path file, String key, Function<NpyArray, T> as)
            throws NpyFormatException {
        try {
            return as.apply(array);
        } catch (IllegalStateException e) {
            throw new NpyFormatException(file + ": array '" + key + "': " + e.getMessage(), e);
        }
    }

    /** A member's uncompressed bytes, checked against the size and CRC-32 in the zip directory. */
    private static byte[] memberBytes(ZipFile zip, ZipEntry entry) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException("damaged zip data: " + describe(e), e);
        }
        if (bytes.length != entry.getSize()) {
            throw new NpyFormatException("zip directory says " + entry.getSize() + " bytes but "
                    + bytes.length + " were read");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (crc.getValue() != entry.getCrc()) {
            throw new NpyFormatException(String.format(
                    "CRC mismatch (zip directory 0x%08x, data 0x%08x): the file is damaged", entry.getCrc(), crc.getValue()));
        }
        return bytes;
    }

    /** What went wrong, for a message: the exception's own message, else its type. */
    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
