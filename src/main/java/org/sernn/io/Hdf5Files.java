package org.sernn.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sernn.UserError;

/**
 * Reading and writing HDF5 files with jhdf (pure Java). jhdf writes in one pass to a path, so a
 * file is built in a private temporary file and then copied into place with {@link AtomicFiles}
 * (temporary file in the target's directory, fsync, atomic rename): a failure never leaves a
 * half-written export.
 */
public final class Hdf5Files {
    private Hdf5Files() {
    }

    /** Writes {@code target} atomically with what {@code content} puts into the new file. */
    public static void write(Path target, Consumer<WritableHdfFile> content) {
        Path scratch = null;
        try {
            scratch = Files.createTempFile("sernn-export", ".h5");
            try (WritableHdfFile file = HdfFile.write(scratch)) {
                content.accept(file);
            }
            byte[] bytes = Files.readAllBytes(scratch);
            AtomicFiles.write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UserError(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException e) {
                    // only the scratch copy is left behind in the temporary directory
                }
            }
        }
    }

    /** Opens {@code file} and applies {@code reader}; a missing, non-HDF5 or damaged file is a UserError. */
    public static <T> T read(Path file, Function<HdfFile, T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": file not found");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return reader.apply(hdf);
        } catch (HdfException | UncheckedIOException | IllegalStateException | IllegalArgumentException
                | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new UserError(file + ": not a readable HDF5 file (" + describe(e) + ")", e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
