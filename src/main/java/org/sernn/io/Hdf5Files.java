package org.sernn.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sernn.UserError;

/**
 * Reading and writing HDF5 files with jhdf (pure Java). jhdf writes in one pass to a path, so a
 * file is built in a temporary file beside the target and renamed into place by
 * {@link AtomicFiles#writePath} (fsync, atomic rename): a failure never leaves a half-written
 * export, and nothing is written to the system's temporary folder.
 */
public final class Hdf5Files {
    private Hdf5Files() {
    }

    /** Writes {@code target} atomically with what {@code content} puts into the new file. */
    public static void write(Path target, Consumer<WritableHdfFile> content) {
        try {
            AtomicFiles.writePath(target, temporary -> {
                try (WritableHdfFile file = HdfFile.write(temporary)) {
                    content.accept(file);
                }
            });
        } catch (IOException e) {
            throw new UserError(target + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Opens {@code file} and applies {@code reader}; a missing, non-HDF5 or damaged file is a UserError. */
    public static <T> T read(Path file, Function<HdfFile, T> reader) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; expected an HDF5 file");
        }
        if (!Files.exists(file)) {
            throw new UserError(file + ": file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": is not a regular file (a device, pipe or socket); expected an HDF5 file");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return reader.apply(hdf);
        } catch (UserError e) {
            throw e;
        } catch (RuntimeException e) {
            // jhdf reports damage in many ways (HdfException, ArithmeticException, BufferUnderflowException, ...):
            // whatever it throws on a file is that file's damage.
            throw new UserError(file + ": not a readable HDF5 file (" + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
