package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Temporary files never outlive their writer (issue 16, "Litter"; docs/reliability.md). */
class LitterTest {
    @TempDir
    Path dir;

    private static List<Path> temporaries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(AtomicFiles::isTemporary).toList();
        }
    }

    private Process slowWriter(Path target) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SlowWriterChild.class.getName(), target.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitTemporary(Path folder, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (temporaries(folder).isEmpty() && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(10);
        }
        assertEquals(1, temporaries(folder).size(), "the child is writing its temporary file");
    }

    /**
     * Whether this process ignores the signal (SigIgn in /proc/self/status). A shell that starts a job in
     * the background without job control ignores SIGINT for it, the child inherits that, and the JVM then
     * installs no handler: Ctrl-C cannot reach such a process, so there is nothing to test.
     */
    private static boolean ignoredHere(String signal) throws IOException {
        int number = signal.equals("INT") ? 2 : 15;
        String mask = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .findFirst().orElseThrow().substring("SigIgn:".length()).trim();
        return (Long.parseUnsignedLong(mask, 16) >>> (number - 1) & 1L) == 1L;
    }

    /** SIGTERM as from kill or a cluster's scheduler, SIGINT as from Ctrl-C. */
    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalDuringAWriteRemovesTheTemporaryFile(String signal) throws Exception {
        assumeFalse(ignoredHere(signal), "SIG" + signal + " is ignored by this process and so by its child");
        Path target = dir.resolve("model.npz");
        Process child = slowWriter(target);
        awaitTemporary(dir, child);
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), temporaries(dir), "the shutdown hook removed it");
        assertTrue(Files.notExists(target));
    }

    @Test
    void kill9LeavesATemporaryFileThatTheNextWriteOrRunSweeps() throws Exception {
        Path target = dir.resolve("model.npz");
        Process child = slowWriter(target);
        awaitTemporary(dir, child);
        child.destroyForcibly().waitFor();
        assertEquals(1, temporaries(dir).size(), "kill -9 runs no hook");
        AtomicFiles.writeString(target, "next");
        assertEquals(List.of(), temporaries(dir), "the next write of the same target swept it");

        Files.writeString(dir.resolve(".epoch-000.npz.3k9z1x2.tmp"), "left by a kill");
        try (RunFolder folder = RunFolder.open(dir, RunFolder.Mode.RESUME, List.of("model.npz"), "--out")) {
            assertEquals(List.of(), temporaries(dir), "opening the run folder swept it");
            assertEquals(List.of(target), folder.previousRun());
        }
        assertEquals("next", Files.readString(target), "sweeping touches temporary files only");
    }
}
