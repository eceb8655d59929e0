package org.sernn.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically, so that a crash or a failing writer never leaves a half-written file:
 * the content goes to a temporary file in the target's directory, is flushed to disk (fsync), and
 * the temporary file is then renamed over the target in one atomic step. Readers see either the
 * old file or the complete new one.
 *
 * <p>The temporary file is named {@code .<target name>.<random>.tmp} and is removed if writing
 * fails. The new file gets the default permissions of a newly created file, not those of the file
 * it replaces. Missing parent directories are created.
 */
public final class AtomicFiles {

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically with what {@code writer} writes to the stream it is given.
     * The writer may close the stream or leave it open; it must not keep it after returning.
     *
     * @throws IOException whatever {@code writer} or the file system throws; the target is then
     *                     unchanged and the temporary file removed
     */
    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES)) {
                writer.accept(new KeepOpenOutputStream(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        syncDirectory(directory);
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically, e.g. a JSON report. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes the rename itself durable by flushing the directory entry to disk. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory. The rename is atomic all the same;
            // only its survival of a power cut is then left to the operating system.
        }
    }

    /** Passes writes through and turns close into flush, so the writer cannot close the file early. */
    private static final class KeepOpenOutputStream extends FilterOutputStream {

        KeepOpenOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
