package org.sernn.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files atomically, so that a crash or a failing writer never leaves a half-written file:
 * the content goes to a temporary file in the target's directory, is flushed to disk (fsync), and
 * the temporary file is then renamed over the target in one atomic step. Readers see either the
 * old file or the complete new one.
 *
 * <p>The temporary file is named {@code .<target name>.<random>.tmp} (random: base 36) and never
 * outlives its writer if it can help it: it is removed if writing fails, and a shutdown hook removes
 * every temporary file still open when the JVM stops on SIGTERM or SIGINT (Ctrl-C). Only kill -9 or a
 * power cut can leave one behind; {@link #sweepTemporaries} removes such leftovers, and every write
 * first removes leftovers of earlier writes of the same target (docs/reliability.md). The new file
 * gets the default permissions of a newly created file, not those of the file it replaces. Missing
 * parent directories are created.
 */
public final class AtomicFiles {

    private static final int BUFFER_BYTES = 1 << 16;
    /** What {@link #temporaryFor} names: a dot, the target's name, a base-36 number, {@code .tmp}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.tmp");
    /** Temporary files being written now, removed by the shutdown hook if the JVM stops first. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeInProgress, "sernn-temporary-cleanup"));
    }

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
        writePath(target, temporary -> {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES)) {
                writer.accept(new KeepOpenOutputStream(out));
                out.flush();
            }
        });
    }

    /**
     * Writes {@code target} atomically with a writer that needs a path rather than a stream (e.g. an
     * HDF5 library): {@code writer} creates and fills the temporary file it is given, beside the
     * target; it is then flushed to disk and renamed over the target.
     *
     * @throws IOException whatever {@code writer} or the file system throws; the target is then
     *                     unchanged and the temporary file removed
     */
    public static void writePath(Path target, IOConsumer<Path> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        sweepTemporariesOf(absolute);
        Path temporary = temporaryFor(absolute);
        IN_PROGRESS.add(temporary);
        try {
            writer.accept(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
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
        } finally {
            IN_PROGRESS.remove(temporary);
        }
        syncDirectory(directory);
    }

    /**
     * Removes the temporary files that interrupted writes (kill -9, power cut) left in
     * {@code directory}. Call it only where no other writer is at work, e.g. in a run folder whose
     * lock this process holds.
     *
     * @return how many were removed
     */
    public static int sweepTemporaries(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> isTemporary(entry) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))) {
            for (Path entry : entries) {
                removed += Files.deleteIfExists(entry) ? 1 : 0;
            }
        }
        return removed;
    }

    /** Whether {@code file} is named as this class names its temporary files. */
    public static boolean isTemporary(Path file) {
        return file.getFileName() != null && TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /** Leftovers of earlier interrupted writes of this very target. */
    private static void sweepTemporariesOf(Path absolute) throws IOException {
        String prefix = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute.getParent(), entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(prefix) && isTemporary(entry) && !IN_PROGRESS.contains(entry)
                    && name.substring(prefix.length()).matches("[0-9a-z]{1,13}\\.tmp");
        })) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
    }

    private static Path temporaryFor(Path absolute) {
        return absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    }

    private static void removeInProgress() {
        for (Path temporary : IN_PROGRESS) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // the JVM is stopping; the next run of this folder sweeps what is left
            }
        }
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
