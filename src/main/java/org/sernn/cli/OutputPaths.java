package org.sernn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.sernn.UserError;

/**
 * Checks a verb's {@code --out} before the verb does any work, so that a run of minutes or hours
 * never ends in "cannot write": the path is not empty, not inside a kernel file system
 * ({@code /proc}, {@code /sys}, {@code /dev}), not an existing file where a folder is wanted (nor an
 * existing folder where a file is wanted), and the nearest folder that exists is writable. Nothing
 * is created here; the verb creates what it writes. Every verb with an {@code --out} calls this
 * (docs/reliability.md).
 */
final class OutputPaths {
    private static final String[] KERNEL_FILE_SYSTEMS = {"/proc", "/sys", "/dev"};

    private OutputPaths() {
    }

    /** {@code out} as a folder the verb may create and fill; returns it unchanged. */
    static Path folder(String option, Path out) {
        check(option, out);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(option + " " + out + ": is a file; expected a folder (or a path where one can be made)");
        }
        requireWritableAncestor(option + " " + out + ":", out.toAbsolutePath());
        return out;
    }

    /** {@code out} as a file the verb may create or replace; returns it unchanged. */
    static Path file(String option, Path out) {
        check(option, out);
        if (Files.isDirectory(out)) {
            throw new UserError(option + " " + out + ": is a folder; expected a file name");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out)) {
            throw new UserError(option + " " + out + ": is not a regular file (a device or pipe); expected a file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        requireWritableAncestor(option + " " + out + ":", parent == null ? out.toAbsolutePath() : parent);
        return out;
    }

    private static void check(String option, Path out) {
        if (out.toString().isBlank()) {
            throw new UserError(option + " is empty; give a path");
        }
        String absolute = out.toAbsolutePath().normalize().toString();
        for (String kernel : KERNEL_FILE_SYSTEMS) {
            if (absolute.equals(kernel) || absolute.startsWith(kernel + "/")) {
                throw new UserError(option + " " + out + ": is inside " + kernel + ", a kernel file system that "
                        + "holds no files; choose a path on a disk");
            }
        }
    }

    /** The nearest existing ancestor of {@code start} (itself included) must be a writable folder. */
    private static void requireWritableAncestor(String prefix, Path start) {
        Path existing = start.normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new UserError(prefix + " no part of this path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new UserError(prefix + " " + existing + " is a file, so nothing can be created under it");
        }
        if (!Files.isWritable(existing) || readOnlyStore(existing)) {
            throw new UserError(prefix + " cannot write: folder " + existing + " is not writable (permission or "
                    + "read-only file system)");
        }
    }

    private static boolean readOnlyStore(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }
}
