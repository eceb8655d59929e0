package org.sernn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sernn.UserError;

/**
 * Ownership of a run folder (the folder of {@code train}, {@code train-onchip}, one sweep run):
 * one writer at a time, and never two runs mixed in one folder (docs/reliability.md).
 *
 * <p>{@link #open} creates the folder and takes its lock: the file {@value #LOCK_FILE} holds the
 * writer's process id, and an operating-system lock on it ({@link FileChannel#tryLock}) is held for
 * as long as the run. The kernel drops that lock when the process ends however it ends (kill -9
 * included), so a lock file left by a dead process is stale by construction and is taken over; a
 * live writer's lock refuses a second writer with a message naming its process id. The lock file
 * itself stays (it is the folder's ownership record, emptied on release) so that no two processes
 * can ever hold locks on two different files of the same name.
 *
 * <p>Holding the lock, {@link #open} removes temporary files that interrupted writes left behind
 * ({@link AtomicFiles#sweepTemporaries}) and then applies {@link Mode}: a folder that already holds
 * files of a run (the caller's {@code runFiles} globs) is refused for a NEW run, kept for RESUME (the
 * caller checks that it is the same run), and emptied of those files first for OVERWRITE.
 */
public final class RunFolder implements AutoCloseable {
    /** The lock file in every run folder. */
    public static final String LOCK_FILE = ".sernn.lock";

    /** What to do with a folder that already holds a run. */
    public enum Mode {
        /** Refuse: the folder must hold no run yet. */
        NEW,
        /** Keep it: the caller continues that run and checks that it is the same one. */
        RESUME,
        /** Remove the old run's files first, then start afresh. */
        OVERWRITE
    }

    /**
     * Folders this JVM holds (real paths). Checked before a second channel is opened on a held lock
     * file: on Linux, closing any descriptor of a file drops the process's locks on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final Path heldAs;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> previousRun;

    private RunFolder(Path folder, Path heldAs, FileChannel channel, FileLock lock, List<Path> previousRun) {
        this.folder = folder;
        this.heldAs = heldAs;
        this.channel = channel;
        this.lock = lock;
        this.previousRun = previousRun;
    }

    /**
     * Creates {@code folder} if needed, locks it, sweeps leftover temporary files and applies
     * {@code mode} to the files matching {@code runFiles} (globs relative to the folder, e.g.
     * {@code model.npz}, {@code epoch-*.npz}).
     *
     * @param option how the user named the folder, for messages ({@code --out})
     * @throws UserError if another live process holds the lock, or the folder holds a run and
     *                   {@code mode} is NEW
     */
    public static RunFolder open(Path folder, Mode mode, List<String> runFiles, String option) {
        FileChannel channel = null;
        Path heldAs = null;
        try {
            Files.createDirectories(folder);
            Path real = folder.toRealPath();
            if (!HELD.add(real)) {
                throw busy(folder, option, "this process, pid " + ProcessHandle.current().pid());
            }
            heldAs = real;
            Path lockFile = folder.resolve(LOCK_FILE);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                throw busy(folder, option, holder.isEmpty() ? "its process id not yet written" : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            RunFolder owned = new RunFolder(folder, real, channel, lock, matching(folder, runFiles));
            AtomicFiles.sweepTemporaries(folder);
            owned.apply(mode, option);
            return owned;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (heldAs != null) {
                HELD.remove(heldAs);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UserError(option + " " + folder + ": cannot take the run folder: " + e.getMessage(), e);
        }
    }

    /** The files of a run that were in the folder when it was opened (before OVERWRITE removed them). */
    public List<Path> previousRun() {
        return previousRun;
    }

    public Path folder() {
        return folder;
    }

    /** Empties the lock file and releases the lock; the folder is free for the next writer. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // the lock goes with the channel below, and with the process in any case
        } finally {
            closeQuietly(channel);
            HELD.remove(heldAs);
        }
    }

    private static UserError busy(Path folder, String option, String holder) {
        return new UserError(option + " " + folder + ": another sernn process (" + holder + ") is writing this run "
                + "folder; wait for it to finish, or choose another " + option);
    }

    private void apply(Mode mode, String option) throws IOException {
        if (previousRun.isEmpty() || mode == Mode.RESUME) {
            return;
        }
        if (mode == Mode.NEW) {
            throw new UserError(option + " " + folder + ": holds another run (" + listed(previousRun)
                    + "); continue it with --resume, replace it with --overwrite, or choose another " + option);
        }
        for (Path file : previousRun) {
            Files.deleteIfExists(file);
        }
    }

    private static List<Path> matching(Path folder, List<String> globs) throws IOException {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (matchers.stream().anyMatch(m -> m.matches(name))) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return List.copyOf(found);
    }

    private static String listed(List<Path> files) {
        int shown = Math.min(files.size(), 3);
        String names = files.subList(0, shown).stream().map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", "));
        return files.size() > shown ? names + " and " + (files.size() - shown) + " more" : names;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was taken
        }
    }
}
