package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.task.IdxFixtures;

class IdxFileTest {
    @TempDir
    Path dir;

    private static final byte[] VALUES = {0, 1, (byte) 200, (byte) 255, 7, 9};

    @Test
    void rawAndGzipFilesReadToTheSameDimensionsAndUnsignedValues() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = dir.resolve("images" + gzip);
            IdxFixtures.write(file, IdxFile.IMAGES_MAGIC, new int[] {1, 2, 3}, VALUES, gzip);
            IdxFile idx = IdxFile.read(file, IdxFile.IMAGES_MAGIC);
            assertArrayEquals(new int[] {1, 2, 3}, idx.dims());
            assertArrayEquals(VALUES, idx.values());
            assertEquals(200, idx.valueAt(2));
            assertEquals(255, idx.valueAt(3));
        }
    }

    @Test
    void aWrongMagicNamesBothNumbers() throws IOException {
        Path file = dir.resolve("labels");
        IdxFixtures.write(file, IdxFile.LABELS_MAGIC, new int[] {6}, VALUES, false);
        UserError e = assertThrows(UserError.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
        assertEquals(file + ": IDX magic number is 0x00000801; expected 0x00000803 (unsigned bytes, 3 dimensions)",
                e.getMessage());
    }

    @Test
    void aDeclaredSizeLargerThanTheFileIsRefusedBeforeAllocating() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = dir.resolve("huge" + gzip);
            // declares 2^30 x 2 x 1 values (2 GiB) but holds six
            IdxFixtures.write(file, IdxFile.IMAGES_MAGIC, new int[] {1 << 30, 2, 1}, VALUES, gzip);
            UserError e = assertThrows(UserError.class, () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
            assertTrue(e.getMessage().startsWith(file + ": IDX header declares [1073741824, 2, 1] = 2147483664 bytes, "
                    + "but the " + (gzip ? "gzip stream" : "file") + " holds 22 bytes"), e.getMessage());
        }
    }

    @Test
    void truncatedAndOverlongFilesAreRefused() throws IOException {
        Path full = dir.resolve("full");
        IdxFixtures.write(full, IdxFile.LABELS_MAGIC, new int[] {6}, VALUES, false);
        byte[] bytes = Files.readAllBytes(full);
        Path header = dir.resolve("header");
        Files.write(header, Arrays.copyOf(bytes, 6));
        assertEquals(header + ": IDX file ends inside its header (dimension 0)",
                assertThrows(UserError.class, () -> IdxFile.read(header, IdxFile.LABELS_MAGIC)).getMessage());
        Path extra = dir.resolve("extra");
        Files.write(extra, Arrays.copyOf(bytes, bytes.length + 1));
        assertTrue(assertThrows(UserError.class, () -> IdxFile.read(extra, IdxFile.LABELS_MAGIC)).getMessage()
                .contains("holds 15 bytes"));
        Path missing = dir.resolve("missing");
        assertEquals(missing + ": IDX file not found",
                assertThrows(UserError.class, () -> IdxFile.read(missing, IdxFile.LABELS_MAGIC)).getMessage());
    }
}
