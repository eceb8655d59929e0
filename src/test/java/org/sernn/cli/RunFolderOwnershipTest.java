package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.Refusals.args;
import static org.sernn.cli.Refusals.assertRefused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.io.RunFolder;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.train.Trainer;

/** A run folder holds one run, written by one process at a time (issue 16, "Data loss and mixed runs"). */
class RunFolderOwnershipTest {
    private static final String CONFIG = HostileInputTest.SMALL.replace("epochs: 1", "epochs: 3");

    @TempDir
    Path dir;

    private Path config(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private static long seedOf(Path checkpoint) {
        return NetworkCheckpoint.read(checkpoint).config().seed();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anotherRunIsRefusedUntilOverwriteRemovesTheOldOneWhole() throws IOException {
        Path out = dir.resolve("run");
        Path first = config("first.yaml", CONFIG);
        assertEquals(0, CliRunner.run("train", first.toString(), "--out", out.toString(), "--no-progress").exitCode());
        byte[] model = Files.readAllBytes(out.resolve("model.npz"));
        Path second = config("second.yaml", CONFIG.replace("seed: 3", "seed: 4").replace("epochs: 3", "epochs: 1"));

        assertRefused(args("train", second.toString(), "--out", out.toString()), "holds another run", "--resume",
                "--overwrite");
        assertArrayEquals(model, Files.readAllBytes(out.resolve("model.npz")), "the old run is untouched");

        Result overwritten = CliRunner.run("train", second.toString(), "--out", out.toString(), "--overwrite",
                "--no-progress");
        assertEquals(0, overwritten.exitCode(), overwritten.err());
        assertEquals(List.of(RunFolder.LOCK_FILE, "epoch-000.npz", "epoch-001.npz", "metrics.csv", "model.npz",
                "test-confusion.csv"),
                names(out), "no epoch of the old run is left");
        for (String file : List.of("epoch-000.npz", "epoch-001.npz", "model.npz")) {
            assertEquals(4, seedOf(out.resolve(file)), file);
        }
        assertRefused(args("train", second.toString(), "--out", out.toString(), "--resume", "--overwrite"),
                "--resume", "--overwrite");
    }

    @Test
    void aHeldFolderRefusesASecondWriterAndIsFreeAfterRelease() throws IOException {
        Path out = dir.resolve("held");
        Path config = config("c.yaml", CONFIG);
        try (RunFolder held = RunFolder.open(out, RunFolder.Mode.NEW, Trainer.RUN_FILES, "--out")) {
            assertRefused(args("train", config.toString(), "--out", out.toString()), "another sernn process",
                    "pid " + ProcessHandle.current().pid());
            assertFalse(Files.exists(out.resolve("model.npz")));
        }
        assertEquals(0, CliRunner.run("train", config.toString(), "--out", out.toString(), "--no-progress").exitCode());
    }

    @Test
    void twoTrainsStartedTogetherNeverMixTheirFiles() throws Exception {
        Path out = dir.resolve("race");
        Path a = config("a.yaml", CONFIG);
        Path b = config("b.yaml", CONFIG.replace("seed: 3", "seed: 4"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Result>> runs = new ArrayList<>();
        for (Path config : List.of(a, b)) {
            Callable<Result> train = () -> CliRunner.run("train", config.toString(), "--out", out.toString(),
                    "--no-progress");
            runs.add(pool.submit(train));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));
        List<Integer> codes = new ArrayList<>();
        for (Future<Result> run : runs) {
            codes.add(run.get().exitCode());
            if (run.get().exitCode() != 0) {
                Refusals.assertRefused(run.get(), "--out");
            }
        }
        assertTrue(codes.contains(0) && codes.contains(Main.USER_ERROR), "one wins, one is refused: " + codes);
        long seed = seedOf(out.resolve("model.npz"));
        for (String file : List.of("epoch-000.npz", "epoch-001.npz", "epoch-002.npz", "epoch-003.npz")) {
            assertEquals(seed, seedOf(out.resolve(file)), file + " belongs to the run that wrote model.npz");
        }
    }

    @Test
    void aLiveWriterInAnotherProcessIsNamedAndItsStaleLockIsTakenOverAfterKill9() throws Exception {
        Path out = dir.resolve("child");
        Path config = config("slow.yaml", CONFIG.replace("epochs: 3", "epochs: 200"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.sernn.cli.Main", "train", config.toString(), "--out",
                out.toString(), "--no-progress").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(out.resolve("epoch-001.npz")) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive() && Files.exists(out.resolve("epoch-001.npz")), "the child is training");
            assertRefused(args("train", config.toString(), "--out", out.toString(), "--resume"),
                    "another sernn process", "pid " + child.pid());
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertTrue(Files.readString(out.resolve(RunFolder.LOCK_FILE)).contains("pid " + child.pid()),
                "kill -9 left the lock file with the dead writer's pid");
        Path shorter = config("slow.yaml", CONFIG);
        Result resumed = CliRunner.run("train", shorter.toString(), "--out", out.toString(), "--resume",
                "--no-progress");
        assertRefused(resumed, "different config");
        Path same = config("slow.yaml", CONFIG.replace("epochs: 3", "epochs: 200"));
        assertRefused(args("train", same.toString(), "--out", out.toString()), "holds another run");
    }
}
