package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.AtomicFiles;
import org.sernn.io.Hdf5Files;

/** HDF5 exports (NIR, netx) are built beside their target, never in the system's temporary folder. */
class ExportScratchTest {
    @TempDir
    Path dir;

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void theScratchFileLiesBesideTheTargetAndGoesWithAFailure() throws IOException {
        Path target = dir.resolve("model.nir");
        List<Path> seenWhileWriting = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> Hdf5Files.write(target, file -> {
            file.putDataset("version", "0.5.0");
            try {
                seenWhileWriting.addAll(list(dir));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("interrupted on purpose");
        }));
        assertEquals(1, seenWhileWriting.size(), "jhdf writes its one scratch file beside the target: "
                + seenWhileWriting);
        assertTrue(AtomicFiles.isTemporary(seenWhileWriting.get(0)), seenWhileWriting.toString());
        assertEquals(List.of(), list(dir), "the failure removed the scratch file");
    }
}
