package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    @TempDir
    Path dir;

    @Test
    void rateModelOnASpikingChipIsRefusedWithTheReason() {
        StringWriter err = new StringWriter();
        int code = run(err, "deploy", "models/rate-sernn.yaml", "--profile", "hardware-profiles/loihi.yaml",
                "--out", dir.resolve("x").toString());
        assertEquals(Main.USER_ERROR, code);
        assertEquals("sernn: the network does not fit loihi: the network has rate units, but loihi runs spiking units "
                + "only (use a von_neumann profile such as cpu or gpu)", err.toString().trim());
    }

    @Test
    void deployOnTheIdealProfileReproducesFloatAccuracyAndReportsEnergyOnCpu() throws IOException {
        Path ideal = dir.resolve("ideal");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "deploy", "models/rate-sernn.yaml", "--profile", "hardware-profiles/ideal.yaml",
                "--trials", "16", "--device-seeds", "2", "--out", ideal.toString()), err.toString());
        JsonNode report = new ObjectMapper().readTree(ideal.resolve("report.json").toFile());
        assertEquals(report.get("float_accuracy").asDouble(), report.get("accuracy_mean").asDouble(), 0.0);
        assertEquals(0.0, report.get("accuracy_std").asDouble(), 0.0);

        Path cpu = dir.resolve("cpu");
        assertEquals(0, run(err, "deploy", "models/rate-sernn.yaml", "--profile", "hardware-profiles/cpu.yaml",
                "--trials", "16", "--device-seeds", "1", "--out", cpu.toString()), err.toString());
        JsonNode energy = new ObjectMapper().readTree(cpu.resolve("report.json").toFile()).get("energy");
        // 100 units, 8 inputs, 4 outputs, 50 steps: (100 (8 + 100) + 4 x 100) x 50 MACs, 100 x 50 updates, 8.6 nJ each
        assertEquals((11_200.0 * 50 + 5_000) * 8.6e-9, energy.get("energy_joules_per_inference").get("point").asDouble(),
                1e-15);
        assertEquals("system", energy.get("level").asText());
        JsonNode neurobench = new ObjectMapper().readTree(cpu.resolve("report.json").toFile()).get("neurobench");
        assertEquals(11_200.0 * 50, neurobench.get("dense_synaptic_ops").asDouble());
        assertEquals(0.0, neurobench.get("membrane_updates").asDouble());
        assertFalse(Files.exists(cpu.resolve("energy.png")), "one target: no one-bar figure");
    }

    @Test
    void reportNamesTheFixedPointStateAndTheCrossbarPeriphery() throws IOException {
        Path loihi = dir.resolve("loihi");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "deploy", "models/alif-sernn.yaml", "--profile", "hardware-profiles/loihi.yaml",
                "--trials", "8", "--device-seeds", "1", "--out", loihi.toString()), err.toString());
        JsonNode state = new ObjectMapper().readTree(loihi.resolve("report.json").toFile()).get("fixed_point_state");
        assertEquals(24, state.get("state_bits").asInt());
        // one shared-exponent weight level (a power of two) over 2^7
        double level = state.get("lsb_max").asDouble() * 128;
        assertEquals(level, Math.pow(2, Math.getExponent(level)), 0.0);
        assertEquals(state.get("lsb_min").asDouble(), state.get("lsb_max").asDouble(), 0.0);

        Path pcm = dir.resolve("pcm");
        assertEquals(0, run(err, "deploy", "models/alif-sernn.yaml", "--profile",
                "hardware-profiles/pcm-aihwkit.yaml", "--trials", "8", "--device-seeds", "1", "--out", pcm.toString()),
                err.toString());
        JsonNode report = new ObjectMapper().readTree(pcm.resolve("report.json").toFile());
        assertEquals(9, report.get("crossbar_periphery").get("adc_bits").asInt());
        assertEquals("none (exact doubles)", report.get("fixed_point_state").asText());
    }
}
