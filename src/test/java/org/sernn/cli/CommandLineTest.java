package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.cli.CliRunner.Result;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.model.ModelSource;
import org.sernn.model.NetworkCheckpoint;

class CommandLineTest {
    @TempDir
    Path dir;


    @Test
    void simulateWritesConsistentStatsSpikesAndRaster() throws IOException {
        Path out = dir.resolve("sim");
        Result result = run("simulate", "models/alif-sernn.yaml", "--engine", "dense", "--trials", "2",
                "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
        Map<String, NpyArray> spikes = Npz.read(out.resolve("spikes.npz"));
        int[] unit = spikes.get("unit").asInts();
        assertEquals(stats.get("spikes").asLong(), unit.length);
        assertTrue(unit.length > 0);
        double expectedRate = unit.length / (100.0 * 2 * stats.get("steps").asInt() * 1e-3);
        assertEquals(expectedRate, stats.get("mean_rate_hz").asDouble(), 1e-9);
        assertEquals("dense", stats.get("engine").asText());
        assertEquals(1, stats.get("seed").asLong(), "the model's seed by default");
        assertEquals("alif-sernn", stats.get("config").get("name").asText());
        assertEquals("task maze", stats.get("input").asText());
        double accuracy = stats.get("accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1);
        assertTrue(stats.get("population_rates_hz").has("alif"));
        assertFalse(stats.get("population_rates_hz").has("excitatory"), "without Dale's law no unit is excitatory");
        assertTrue(Arrays.stream(spikes.get("trial").asInts()).allMatch(t -> t == 0 || t == 1));
        BufferedImage raster = ImageIO.read(out.resolve("raster.png").toFile());
        assertEquals(1000, raster.getWidth());
    }

    /** Excitatory and inhibitory rates only under Dale's law (switched on here by --set); none for rate units. */
    @Test
    void populationRatesFollowDalesLawAndRateNetworksHaveNone() throws IOException {
        Path dale = dir.resolve("dale");
        Result result = run("simulate", "models/alif-sernn.yaml", "--set", "weights.dale={excitatory_fraction: 0.8}",
                "--out", dale.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode rates = new ObjectMapper().readTree(dale.resolve("stats.json").toFile()).get("population_rates_hz");
        assertTrue(rates.has("excitatory") && rates.has("inhibitory"), rates.toString());
        Path rate = dir.resolve("rate");
        Result rateRun = run("simulate", "models/rate-sernn.yaml", "--engine", "dense", "--out", rate.toString());
        assertEquals(0, rateRun.exitCode(), rateRun.err());
        JsonNode stats = new ObjectMapper().readTree(rate.resolve("stats.json").toFile());
        assertFalse(stats.has("mean_rate_hz") || stats.has("population_rates_hz"), stats.toString());
    }

    @Test
    void badConfigExitsWithStatusTwoAndNoStackTrace() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "neuron: {tau_m_ms: -1}\n");
        Result result = run("simulate", config.toString(), "--out", dir.resolve("x").toString());
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("bad.yaml") && result.err().contains("neuron.tau_m_ms"), result.err());
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result.err());
    }

    @Test
    void truncatedCheckpointExitsWithStatusTwo() throws IOException {
        Path model = dir.resolve("model.npz");
        NetworkCheckpoint.write(model, ModelSource.load(Path.of("models/alif-sernn.yaml")));
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        Result result = run("simulate", model.toString(), "--out", dir.resolve("y").toString());
        assertEquals(Main.USER_ERROR, result.exitCode());
        assertTrue(result.err().contains("model.npz"), result.err());
    }

    @Test
    void unknownEngineIsAUsageError() {
        Result result = run("simulate", "models/alif-sernn.yaml", "--engine", "gpu", "--out", dir.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("gpu"), result.err());
    }
}
