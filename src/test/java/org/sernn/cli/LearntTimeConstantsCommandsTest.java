package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;

/** Learnt time constants through the command line: the gradient dump carries grad_tau_m_ms and grad_tau_a_ms. */
class LearntTimeConstantsCommandsTest {
    private static final String MODEL = "models/alif-sernn.yaml";

    @TempDir
    Path dir;

    private Map<String, NpyArray> dump(String... set) throws Exception {
        Path out = dir.resolve("grad-" + set.length + ".npz");
        String[] args = new String[8 + 2 * set.length];
        String[] fixed = {"grad", MODEL, "--batch", "3", "--seed", "4", "--out", out.toString()};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        for (int i = 0; i < set.length; i++) {
            args[fixed.length + 2 * i] = "--set";
            args[fixed.length + 2 * i + 1] = set[i];
        }
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), result.err());
        return Npz.read(out);
    }

    @Test
    void gradDumpCarriesTheLearntTimeConstantsAndTheirGradients() throws Exception {
        Map<String, NpyArray> plain = dump();
        assertFalse(plain.containsKey("grad_tau_m_ms") || plain.containsKey("grad_tau_a_ms"), "only when learnt");
        Map<String, NpyArray> learnt = dump("neuron.learn=[tau_m, tau_a]");
        // Learning the time constants changes nothing forward: the weight gradients are the same.
        for (String key : new String[] {"grad_w_in", "grad_w_rec", "grad_w_out", "grad_b_rec", "grad_b_out"}) {
            assertArrayEquals(plain.get(key).asDoubles(), learnt.get(key).asDoubles(), 0.0, key);
        }
        assertFalse(plain.get("config").asString().contains("\"learn\""), plain.get("config").asString());
        assertTrue(learnt.get("config").asString().contains("\"learn\":[\"tau_m\",\"tau_a\"]"),
                learnt.get("config").asString());
        assertArrayEquals(plain.get("tau_m_ms").asDoubles(), learnt.get("tau_m_ms").asDoubles(), 0.0);
        int n = plain.get("b_rec").asDoubles().length;
        for (String key : new String[] {"grad_tau_m_ms", "grad_tau_a_ms"}) {
            double[] gradient = learnt.get(key).asDoubles();
            assertEquals(n, gradient.length, key);
            double largest = 0;
            for (double g : gradient) {
                assertTrue(Double.isFinite(g), key);
                largest = Math.max(largest, Math.abs(g));
            }
            assertTrue(largest > 0, key + " is not all zero");
        }
    }
}
