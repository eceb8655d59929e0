package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;

/** The adLIF model through the command line: its gradient dump, deployment and the export refusals. */
class AdlifCommandsTest {
    private static final String MODEL = "models/adlif-sernn.yaml";

    @TempDir
    Path dir;

    @Test
    void gradDumpCarriesThePerUnitParametersAndTheirGradients() throws Exception {
        Path out = dir.resolve("grad.npz");
        CliRunner.Result result = CliRunner.run("grad", MODEL, "--batch", "3", "--seed", "4", "--method", "bptt",
                "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Map<String, NpyArray> dump = Npz.read(out);
        double[] tauM = dump.get("tau_m_ms").asDoubles();
        double[] tauA = dump.get("tau_a_ms").asDoubles();
        double[] alpha = dump.get("alpha").asDoubles();
        double[] rho = dump.get("rho").asDoubles();
        double[] a = dump.get("a").asDoubles();
        double[] b = dump.get("b").asDoubles();
        assertEquals(100, alpha.length);
        for (int j = 0; j < alpha.length; j++) {
            // the decays the dump states are those of the time constants it states (dt = 1 ms)
            assertEquals(Math.exp(-1.0 / tauM[j]), alpha[j], 0.0);
            assertEquals(Math.exp(-1.0 / tauA[j]), rho[j], 0.0);
            assertTrue(tauM[j] >= 5 && tauM[j] <= 25 && tauA[j] >= 30 && tauA[j] <= 120, "sparch's ranges");
            assertTrue(a[j] >= 0 && a[j] <= 1 && b[j] >= 0 && b[j] <= 2, "sparch's ranges, a >= 0");
        }
        for (String key : new String[] {"alpha", "rho", "a", "b"}) {
            double[] gradient = dump.get("grad_" + key).asDoubles();
            assertEquals(100, gradient.length, key);
            double largest = 0;
            for (double g : gradient) {
                assertTrue(Double.isFinite(g));
                largest = Math.max(largest, Math.abs(g));
            }
            assertTrue(largest > 0, "grad_" + key + " is not all zero");
        }
        assertTrue(dump.get("config").asString().contains("\"type\":\"adlif\""), dump.get("config").asString());
    }

    @Test
    void exportsRefuseAdlifRatherThanDropItsAdaptation() {
        for (String format : new String[] {"nir", "netx"}) {
            CliRunner.Result result = CliRunner.run("export", MODEL, "--format", format, "--out",
                    dir.resolve("m." + format).toString());
            assertEquals(Main.USER_ERROR, result.exitCode(), result.err());
            assertTrue(result.err().contains("LIF and ALIF") && result.err().contains("ADLIF units"), result.err());
            assertEquals(1, result.err().trim().lines().count(), "one line, no stack trace: " + result.err());
        }
    }

    @Test
    void deploysOnTheIdealProfileAndRefusesFixedPointChipsWithTheReason() throws Exception {
        Path ideal = dir.resolve("ideal");
        CliRunner.Result result = CliRunner.run("deploy", MODEL, "--profile", "hardware-profiles/ideal.yaml",
                "--trials", "8", "--device-seeds", "1", "--out", ideal.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode report = new ObjectMapper().readTree(ideal.resolve("report.json").toFile());
        assertEquals(report.get("float_accuracy").asDouble(), report.get("accuracy_mean").asDouble(), 0.0);
        Path cpu = dir.resolve("cpu");
        result = CliRunner.run("deploy", MODEL, "--profile", "hardware-profiles/cpu.yaml", "--trials", "8",
                "--device-seeds", "1", "--out", cpu.toString());
        assertEquals(0, result.exitCode(), result.err());
        double joules = new ObjectMapper().readTree(cpu.resolve("report.json").toFile()).get("energy")
                .get("energy_joules_per_inference").get("point").asDouble();
        // dense CPU: (100 (8 + 100) + 4 x 100) MACs and 100 unit updates per step, 50 task steps of 2 steps
        // each, 8.6 nJ per operation
        assertEquals((11_200.0 + 100) * 100 * 8.6e-9, joules, 1e-15);
        result = CliRunner.run("deploy", MODEL, "--profile", "hardware-profiles/loihi.yaml", "--trials", "8",
                "--out", dir.resolve("loihi").toString());
        assertEquals(Main.USER_ERROR, result.exitCode(), result.err());
        assertTrue(result.err().contains("LIF and ALIF units only") && result.err().contains("ADLIF"), result.err());
    }
}
