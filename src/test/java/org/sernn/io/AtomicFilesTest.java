package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writerFailingMidwayLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old content");
        IOException failure = new IOException("disk full, say");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new content, half of it".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void uncheckedFailureAlsoLeavesNoTrace() throws IOException {
        Path target = dir.resolve("never.png");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new UncheckedIOException(new IOException("plotting failed"));
        }));
        assertEquals(List.of(), Files.list(dir).toList());
    }

    @Test
    void npzWriteFailingMidwayLeavesTheOldCheckpoint() throws IOException {
        Path target = dir.resolve("model.npz");
        Npz.write(target, Map.of("epoch", NpyArray.ofLongs(new long[] {1})));
        byte[] before = Files.readAllBytes(target);

        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            Npy.write(out, NpyArray.ofDoubles(new double[1000], 1000));
            throw new IOException("interrupted");
        }));

        assertEquals(List.of(target), Files.list(dir).toList());
        assertEquals(java.nio.ByteBuffer.wrap(before), java.nio.ByteBuffer.wrap(Files.readAllBytes(target)));
        assertEquals(Map.of("epoch", NpyArray.ofLongs(new long[] {1})), Npz.read(target));
    }

    @Test
    void successfulWriteReplacesTheFileAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("stats.json");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("{\"spikes\": 3}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"spikes\": 3}", Files.readString(target));
        assertEquals(List.of(target), Files.list(dir).toList());
    }

    @Test
    void writerMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.bin");
        AtomicFiles.write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            out.close();
        });
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), java.nio.ByteBuffer.wrap(Files.readAllBytes(target)));
    }

    @Test
    void writeStringIsUtf8AndCreatesParentDirectories() throws IOException {
        Path target = dir.resolve("runs/demo/report.json");
        AtomicFiles.writeString(target, "{\"name\": \"r\u00e9seau \uD834\uDD1E\"}");
        assertEquals("{\"name\": \"r\u00e9seau \uD834\uDD1E\"}", Files.readString(target, StandardCharsets.UTF_8));
        assertEquals(List.of(target), Files.list(target.getParent()).toList());
    }

    @Test
    void relativeTargetIsWrittenInItsOwnDirectory() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("relative.txt"));
        AtomicFiles.writeString(relative, "x");
        assertEquals("x", Files.readString(dir.resolve("relative.txt")));
    }

    /** A temporary file made with Files.createTempFile would be rw------- and the result unreadable to others. */
    @Test
    void newFileHasTheSamePermissionsAsAnyNewlyCreatedFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void failureWhenTheTargetIsADirectoryLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("occupied"));
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));
        assertEquals(List.of(target), Files.list(dir).toList());
        assertFalse(Files.isRegularFile(target));
    }
}
