package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.UserError;
import org.sernn.analysis.sweep.SlurmSubmission;
import org.sernn.analysis.sweep.SweepPlan;
import org.sernn.analysis.sweep.SweepResults;
import org.sernn.analysis.sweep.SweepRunner;

/**
 * sweep plan, run, collect and submit on tiny networks: idempotent runs, results written last and
 * atomically, bit-identical resumption and local-versus-array equality, plan errors, sbatch calls.
 */
class SweepSlurmCommandsTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String MODELS = "src/test/resources/sweep-models";

    @TempDir
    Path dir;

    private Path sweep;

    @BeforeEach
    void plan() {
        sweep = dir.resolve("sweep");
        planInto(sweep);
    }

    private static void planInto(Path out) {
        CliRunner.Result result = run("sweep", "plan", "--out", out.toString(), "--models", MODELS, "--networks",
                "rate,spiking", "--regularisers", "sernn,l1", "--strengths", "sernn=0.05:0.05:1", "--strengths",
                "l1=0.003:0.003:1", "--nulls", "4", "--trials", "12", "--permutations", "4", "--max-parallel", "3");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    void planListsOneLinePerRunAndTheArrayScriptCoversThemWithTheThrottle() throws IOException {
        SweepPlan plan = SweepPlan.read(sweep);
        assertEquals(4, plan.entries().size());
        String script = Files.readString(sweep.resolve("sweep.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0-3%3\n"), script);
        assertTrue(script.contains("sweep run " + sweep.toAbsolutePath() + " --index \"$SLURM_ARRAY_TASK_ID\""), script);
        assertTrue(Files.readString(sweep.resolve("collect.sbatch")).contains("sweep collect "), script);
        // planning again with the same options changes nothing; with other options it is refused
        planInto(sweep);
        CliRunner.Result other = run("sweep", "plan", "--out", sweep.toString(), "--models", MODELS, "--seeds", "2");
        assertEquals(Main.USER_ERROR, other.exitCode());
        assertTrue(other.err().contains("exists with another plan"), other.err());
    }

    @Test
    void aFinishedRunIsSkippedAndItsResultLeftAsItWas() throws IOException {
        assertEquals(SweepRunner.Outcome.FINISHED, runIndex(sweep, 0));
        Path result = SweepPlan.runDirectory(sweep, 0).resolve(SweepRunner.RESULT_FILE);
        byte[] first = Files.readAllBytes(result);
        long modified = Files.getLastModifiedTime(result).toMillis();
        assertEquals(SweepRunner.Outcome.ALREADY_DONE, runIndex(sweep, 0));
        assertArrayEquals(first, Files.readAllBytes(result));
        assertEquals(modified, Files.getLastModifiedTime(result).toMillis());
    }

    @Test
    void anInterruptedRunResumesFromItsLastEpochBitIdentically() throws IOException {
        assertEquals(SweepRunner.Outcome.FINISHED, runIndex(sweep, 2));   // the spiking seRNN run
        Path other = dir.resolve("other");
        planInto(other);
        Path done = SweepPlan.runDirectory(sweep, 2);
        Path cut = Files.createDirectories(SweepPlan.runDirectory(other, 2));
        // killed after epoch 1 of 2: its newest checkpoint is epoch 1's, and no result was written
        Files.copy(done.resolve("epoch-001.npz"), cut.resolve("model.npz"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(List.of(0, 1, 2, 3), SweepResults.of(other, SweepPlan.read(other)).missing());
        assertEquals(SweepRunner.Outcome.FINISHED, runIndex(other, 2));
        assertTrue(Files.readString(cut.resolve(SweepRunner.LOG_FILE)).contains("resuming"));
        assertArrayEquals(Files.readAllBytes(done.resolve(SweepRunner.RESULT_FILE)),
                Files.readAllBytes(cut.resolve(SweepRunner.RESULT_FILE)));
    }

    @Test
    void aRunKilledAfterTrainingButBeforeItsResultCountsAsMissingAndRedoesOnlyTheAnalysis() throws IOException {
        runIndex(sweep, 1);
        Path run = SweepPlan.runDirectory(sweep, 1);
        byte[] result = Files.readAllBytes(run.resolve(SweepRunner.RESULT_FILE));
        Files.delete(run.resolve(SweepRunner.RESULT_FILE));
        // a result half-written by the atomic writer is only ever a temporary file next to it
        Files.writeString(run.resolve(SweepRunner.RESULT_FILE + ".tmp"), "{\"status\": \"fini");
        assertEquals(List.of(0, 1, 2, 3), SweepResults.of(sweep, SweepPlan.read(sweep)).missing());
        assertEquals(SweepRunner.Outcome.FINISHED, runIndex(sweep, 1));
        assertArrayEquals(result, Files.readAllBytes(run.resolve(SweepRunner.RESULT_FILE)));
        String log = Files.readString(run.resolve(SweepRunner.LOG_FILE));
        assertEquals(1, log.split("epoch 2/2", -1).length - 1, "epoch 2 trained once: " + log);
    }

    @Test
    void localThreadsAndSeparateArrayTasksGiveTheSameResultsAndCollectReportsByIndex() throws IOException {
        Path local = dir.resolve("local");
        CliRunner.Result all = run("sweep", "--out", local.toString(), "--models", MODELS, "--networks", "rate,spiking",
                "--regularisers", "sernn,l1", "--strengths", "sernn=0.05:0.05:1", "--strengths", "l1=0.003:0.003:1",
                "--nulls", "4", "--trials", "12", "--permutations", "4", "--max-parallel", "3", "--threads", "2");
        assertEquals(0, all.exitCode(), all.err());
        for (int index : new int[] {3, 0}) {   // as array tasks, one per JVM call, in any order
            assertEquals(0, run("sweep", "run", sweep.toString(), "--index", Integer.toString(index)).exitCode());
        }
        for (int index : new int[] {0, 3}) {
            assertArrayEquals(Files.readAllBytes(SweepPlan.runDirectory(local, index).resolve(SweepRunner.RESULT_FILE)),
                    Files.readAllBytes(SweepPlan.runDirectory(sweep, index).resolve(SweepRunner.RESULT_FILE)));
        }
        Files.writeString(Files.createDirectories(SweepPlan.runDirectory(sweep, 2)).resolve(SweepRunner.RESULT_FILE),
                "{\"status\": \"failed\", \"message\": \"diverged\"}");
        SweepResults partial = SweepResults.of(sweep, SweepPlan.read(sweep));
        assertEquals(List.of(1), partial.missing());
        assertEquals(List.of(2), partial.failed());
        assertEquals(List.of("0", "3"), partial.rows().stream().map(r -> r.run()).toList());
        assertEquals(0, run("sweep", "collect", sweep.toString(), "--bootstrap", "200").exitCode());
        assertEquals(3, Files.readAllLines(sweep.resolve("results.csv")).size());   // header and runs 0, 3
        assertTrue(Files.readString(sweep.resolve("headline.md")).contains("# seRNN against its controls"));
    }

    @Test
    void aRunFolderHeldByAnotherWriterIsRefusedNotMixedIn() throws IOException {
        Path run = SweepPlan.runDirectory(sweep, 0);
        try (org.sernn.io.RunFolder held = org.sernn.io.RunFolder.open(run, org.sernn.io.RunFolder.Mode.RESUME,
                org.sernn.train.Trainer.RUN_FILES, "test")) {
            UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> runIndex(sweep, 0));
            assertTrue(e.getMessage().contains("sweep run --index 0"), e.getMessage());
        }
        assertFalse(Files.exists(run.resolve(SweepRunner.RESULT_FILE)));
        assertFalse(Files.exists(run.resolve("model.npz")));
    }

    @Test
    void planErrorsNameTheFileLineAndColumnAndExitTwo() throws IOException {
        Path plan = sweep.resolve(SweepPlan.FILE);
        String good = Files.readString(plan);
        List<String[]> cases = List.of(
                new String[] {good.replace("\n1,spiking,", "\n1,spikingx,"), "line 3: network 'spikingx': expected one of"},
                new String[] {good.replace("\n1,spiking,", "\n7,spiking,"), "line 3: index 7, expected 1"},
                new String[] {good.replace(",0.05,", ",abc,"), "strength 'abc': expected a number"},
                new String[] {good.replace("index,", "idx,"), "line 1 must be the header"},
                new String[] {good.replace(",configs/alif-l1.yaml,4,", ",configs/alif-l1.yaml,"), "line 5 has 10 cells"},
                new String[] {good.replace(",12,4,1\n", ",-3,4,1\n"), "trials '-3': expected an integer >= 0"});
        for (String[] c : cases) {
            Files.writeString(plan, c[0]);
            CliRunner.Result result = run("sweep", "run", sweep.toString(), "--index", "0");
            assertEquals(Main.USER_ERROR, result.exitCode(), c[1]);
            assertTrue(result.err().contains(plan.toString()) && result.err().contains(c[1]), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
        }
        Files.writeString(plan, good);
        CliRunner.Result outOfRange = run("sweep", "run", sweep.toString(), "--index", "4");
        assertEquals(Main.USER_ERROR, outOfRange.exitCode());
        assertTrue(outOfRange.err().contains("--index 4") && outOfRange.err().contains("runs 0..3"), outOfRange.err());
    }

    @Test
    void submitWithoutSbatchIsAClearUserError() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class,
                () -> SlurmSubmission.submit(sweep, SweepPlan.read(sweep), dir.toString()));
        assertTrue(e.getMessage().contains("sbatch is not on the PATH"), e.getMessage());
    }

    @Test
    void submitSendsTheUnfinishedRunsAsAThrottledArrayAndCollectAfterIt() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        Path fake = bin.resolve("sbatch");
        Files.writeString(fake, "#!/bin/sh\necho \"$@\" >> " + calls + "\nwc -l < " + calls + " | tr -d ' '\n");
        fake.toFile().setExecutable(true);
        for (int finished : new int[] {1, 2}) {
            Path run = Files.createDirectories(SweepPlan.runDirectory(sweep, finished));
            Files.writeString(run.resolve(SweepRunner.RESULT_FILE), "{\"status\": \"finished\"}");
        }
        List<String> jobs = SlurmSubmission.submit(sweep, SweepPlan.read(sweep), bin.toString());
        assertEquals(List.of("1", "2"), jobs);
        List<String> lines = Files.readAllLines(calls);
        assertEquals("--parsable --array=0,3%3 " + sweep.resolve("sweep.sbatch"), lines.get(0));
        assertEquals("--parsable --dependency=afterok:1 --kill-on-invalid-dep=yes " + sweep.resolve("collect.sbatch"),
                lines.get(1));
    }

    private static SweepRunner.Outcome runIndex(Path sweepDir, int index) throws IOException {
        SweepRunner.useOneThreadPerRun();
        return SweepRunner.run(sweepDir, SweepPlan.read(sweepDir).entry(index, sweepDir), QUIET);
    }
}
