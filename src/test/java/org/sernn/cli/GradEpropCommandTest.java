package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import picocli.CommandLine;

/** {@code grad --method eprop} writes the same dump as BPTT, for the same batch and weights. */
class GradEpropCommandTest {
    @TempDir
    Path dir;

    private Map<String, NpyArray> grad(String method) throws Exception {
        Path out = dir.resolve(method + ".npz");
        CommandLine commandLine = Main.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("grad", "models/alif-sernn.yaml", "--batch", "3", "--seed", "4", "--method",
                method, "--out", out.toString());
        assertEquals(0, code, err.toString());
        return Npz.read(out);
    }

    @Test
    void epropDumpHasTheKeysBatchAndLossOfBptt() throws Exception {
        Map<String, NpyArray> bptt = grad("bptt");
        Map<String, NpyArray> eprop = grad("eprop");
        assertEquals(bptt.keySet(), eprop.keySet());
        for (String same : new String[] {"x", "loss_mask", "w_in", "w_rec", "w_out", "distance"}) {
            assertArrayEquals(bptt.get(same).asDoubles(), eprop.get(same).asDoubles(), same);
        }
        assertArrayEquals(bptt.get("y").asInts(), eprop.get("y").asInts());
        double loss = bptt.get("loss").asDoubles()[0];
        assertEquals(loss, eprop.get("loss").asDoubles()[0], 1e-12 * loss, "the same forward pass and loss");
        // The readout's gradient does not pass through the recurrent spikes: e-prop computes it exactly.
        double[] want = bptt.get("grad_w_out").asDoubles();
        double[] got = eprop.get("grad_w_out").asDoubles();
        double scale = 0;
        for (double g : want) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertArrayEquals(want, got, 1e-9 * scale);
        assertTrue(eprop.get("config").asString().contains("\"learning_rule\":\"eprop\""),
                eprop.get("config").asString());
    }
}
