package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;

/** {@code simulate --threads}: the files of a run on several threads equal those of one thread; bad counts are refused. */
class SimulateThreadsTest {
    @TempDir
    Path dir;

    @Test
    void threeThreadsWriteTheSpikesAndCountsOfOne() throws IOException {
        Map<String, NpyArray> one = null;
        JsonNode oneStats = null;
        for (String threads : new String[] {"1", "3"}) {
            Path out = dir.resolve("t" + threads);
            Result result = run("simulate", "models/alif-sernn.yaml", "--trials", "5", "--threads", threads,
                    "--out", out.toString());
            assertEquals(0, result.exitCode(), result.err());
            Map<String, NpyArray> spikes = Npz.read(out.resolve("spikes.npz"));
            JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
            if (one == null) {
                one = spikes;
                oneStats = stats;
                assertTrue(spikes.get("unit").asInts().length > 0, "the run must spike");
                continue;
            }
            for (String key : new String[] {"trial", "step", "unit", "trial_start"}) {
                assertArrayEquals(one.get(key).asInts(), spikes.get(key).asInts(), key);
            }
            for (String key : new String[] {"spikes", "synaptic_events", "accuracy"}) {
                assertEquals(oneStats.get(key), stats.get(key), key);
            }
        }
    }

    @Test
    void zeroThreadsIsAUserError() {
        Result result = run("simulate", "models/alif-sernn.yaml", "--threads", "0", "--out", dir.toString());
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("--threads"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
    }
}
