package org.sernn.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The members of an {@code .npz}, decompressed only when asked for ({@link Npz#open}): the zip
 * directory is read and checked when the file is opened, and each member when it is first used, so
 * a member nobody uses (however large it inflates) costs nothing. Every member that is read is
 * checked whole before it is returned: it may inflate to at most the bytes its own header declares
 * (one byte more is refused, so a member cannot inflate past its shape), and its size and CRC-32
 * must match the zip directory as it was when the file was opened.
 */
final class NpzMembers extends AbstractMap<String, NpyArray> {
    private final Path file;
    private final Map<String, ZipEntry> entries;
    private final Map<String, NpyArray> decoded = new LinkedHashMap<>();

    NpzMembers(Path file, Map<String, ZipEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return entries.keySet();
    }

    @Override
    public int size() {
        return entries.size();
    }

    /**
     * The member's array, decoded now if it was not yet.
     *
     * @throws UncheckedIOException wrapping the {@link NpyFormatException} or I/O failure;
     *                              {@link Npz#require} unwraps it
     */
    @Override
    public synchronized NpyArray get(Object key) {
        ZipEntry listed = entries.get(key);
        if (listed == null) {
            return null;
        }
        NpyArray array = decoded.get(key);
        if (array == null) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry(listed.getName());
                if (entry == null || entry.getCrc() != listed.getCrc() || entry.getSize() != listed.getSize()) {
                    throw new NpyFormatException(file + ": member " + listed.getName() + ": the file changed since "
                            + "it was opened");
                }
                array = read(zip, entry, file + ": member " + entry.getName() + ": ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            decoded.put((String) key, array);
        }
        return array;
    }

    @Override
    public Set<Entry<String, NpyArray>> entrySet() {
        Map<String, NpyArray> all = new LinkedHashMap<>();
        for (String key : entries.keySet()) {
            all.put(key, get(key));
        }
        return all.entrySet();
    }

    /**
     * One member, inflated no further than its header's shape allows and checked against the size
     * and CRC-32 in the zip directory.
     *
     * @param where the file and member, to start messages
     */
    static NpyArray read(ZipFile zip, ZipEntry entry, String where) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream raw = zip.getInputStream(entry);
             CountingInputStream in = new CountingInputStream(new CheckedInputStream(raw, crc))) {
            NpyArray array;
            try {
                array = Npy.read(in);
                if (in.read() != -1) {
                    throw new NpyFormatException("inflates past the " + (in.count - 1) + " bytes its header declares "
                            + "(shape " + NpyHeader.pythonTuple(array.shape()) + " " + array.dtype() + ")");
                }
            } catch (NpyFormatException e) {
                throw new NpyFormatException(where + e.getMessage(), e);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                throw new NpyFormatException(where + "damaged zip data: " + describe(e), e);
            }
            if (entry.getSize() != -1 && in.count != entry.getSize()) {
                throw new NpyFormatException(where + "zip directory says " + entry.getSize() + " bytes but "
                        + in.count + " were read");
            }
            if (crc.getValue() != entry.getCrc()) {
                throw new NpyFormatException(where + String.format("CRC mismatch (zip directory 0x%08x, data 0x%08x): "
                        + "the file is damaged", entry.getCrc(), crc.getValue()));
            }
            return array;
        }
    }

    /** The reason in words: the exception's message, never its class name (messages are for users). */
    static String describe(IOException e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e instanceof java.io.EOFException ? "the compressed data ends early" : "unreadable";
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
