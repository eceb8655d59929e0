package org.sernn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
 * archive (zip structure, every CRC, every header and data length) before it returns anything;
 * {@link #open} checks each member when it is first used and never inflates the unused ones. A
 * member may inflate only to the bytes its header declares (docs/reliability.md).
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
     *                                           {@code .npy} array or inflates past the size its
     *                                           header declares; the message names the file and
     *                                           the member
     * @throws IOException                       if reading fails otherwise
     */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = openZip(file)) {
            for (Map.Entry<String, ZipEntry> member : members(zip, file).entrySet()) {
                ZipEntry entry = member.getValue();
                arrays.put(member.getKey(), NpzMembers.read(zip, entry, file + ": member " + entry.getName() + ": "));
            }
        }
        return Collections.unmodifiableMap(arrays);
    }

    /**
     * The arrays of {@code file}, each decompressed and checked only when first asked for (through
     * {@link #require} and {@link #requireShape}, which report a damaged member as an
     * {@link NpyFormatException}): a member nobody uses, however large, is never inflated. The zip
     * structure and member names are checked now.
     *
     * @throws NpyFormatException if the file is not a zip archive of {@code .npy} members
     * @throws IOException        as {@link #read}
     */
    public static Map<String, NpyArray> open(Path file) throws IOException {
        try (ZipFile zip = openZip(file)) {
            return Collections.unmodifiableMap(new NpzMembers(file, members(zip, file)));
        }
    }

    private static ZipFile openZip(Path file) throws IOException {
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "not readable (permission denied)");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new NpyFormatException(file + ": not a valid .npz (zip) archive: " + NpzMembers.describe(e), e);
        }
    }

    /** The members by key (name without .npy), in archive order; names are checked, data is not read. */
    private static Map<String, ZipEntry> members(ZipFile zip, Path file) throws NpyFormatException {
        Map<String, ZipEntry> members = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            String where = file + ": member " + name + ": ";
            if (entry.isDirectory() || !name.endsWith(MEMBER_SUFFIX)) {
                throw new NpyFormatException(where + "not a " + MEMBER_SUFFIX + " array");
            }
            String key = name.substring(0, name.length() - MEMBER_SUFFIX.length());
            if (members.put(key, entry) != null) {
                throw new NpyFormatException(where + "appears twice in the archive");
            }
        }
        return members;
    }

    /**
     * The array stored under {@code key}.
     *
     * @param file the file {@code arrays} came from, for the message
     * @throws NpyFormatException naming the file, the missing key and the keys present
     */
    public static NpyArray require(Map<String, NpyArray> arrays, Path file, String key) throws NpyFormatException {
        NpyArray array;
        try {
            array = arrays.get(key);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NpyFormatException format) {
                throw format;
            }
            throw new NpyFormatException(file + ": cannot read array '" + key + "': " + e.getCause().getMessage(), e);
        }
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
}
