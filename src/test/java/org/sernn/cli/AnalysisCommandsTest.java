package org.sernn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sernn.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.analysis.StructuralMetrics;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;

/** analyze, sweep and compare on the command line: consistent outputs and clear user errors. */
class AnalysisCommandsTest {
    @TempDir
    Path dir;

    @Test
    void analyzeReportsTheSameStructureAsTheLibraryAndWritesItsFigures() throws Exception {
        Path out = dir.resolve("analysis");
        StringWriter err = new StringWriter();
        int code = run(err, "analyze", "models/rate-sernn.yaml", "--out", out.toString(), "--nulls", "20",
                "--trials", "32", "--permutations", "20", "--seed", "4");
        assertEquals(0, code, err.toString());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        Network network = ModelSource.load(Path.of("models/rate-sernn.yaml"));
        StructuralMetrics direct = StructuralMetrics.of(network.wRec(), network.positions().distanceMatrix(),
                new StructuralMetrics.Options(0.1, 20, 10, 1.0, 4));
        JsonNode structure = metrics.get("structure");
        assertEquals(direct.spectral().q(), structure.get("modularity_q").asDouble(), 1e-12);
        assertEquals(direct.smallWorld().sigma(), structure.get("small_world_sigma").asDouble(), 1e-12);
        assertEquals(direct.weightDistanceCorr(), structure.get("weight_distance_corr").asDouble(), 1e-12);
        assertEquals(32, metrics.get("function").get("trials").asInt());
        assertEquals(4, metrics.get("seed").asLong());
        for (String figure : new String[] {"weights_by_module", "positions_by_module", "weight_vs_distance"}) {
            assertTrue(Files.size(out.resolve(figure + ".png")) > 1000, figure);
        }
        // NeuroBench per inference of the float32 rate network: 50 steps of (100 x 8 + 100 x 100 + 4 x 100)
        // dense ops; no spiking layer, so no membrane updates; float32 footprint of 11,200 weights and
        // 104 biases + 100 activations + readout decay and 4 states
        JsonNode neurobench = metrics.get("neurobench");
        assertEquals(50.0 * 11_200, neurobench.get("dense_synaptic_ops").asDouble());
        assertEquals(0.0, neurobench.get("membrane_updates").asDouble());
        assertEquals(4.0 * (11_200 + 104 + 100 + 5), neurobench.get("footprint_bytes").asDouble());
        assertEquals(1.0 - (network.wIn().countNonZero() + network.wRec().countNonZero()
                + network.wOut().countNonZero()) / 11_200.0, neurobench.get("connection_sparsity").asDouble(), 1e-12);
    }

    @Test
    void badStrengthRangeIsAUserError() {
        StringWriter err = new StringWriter();
        int code = run(err, "sweep", "--out", dir.toString(), "--strengths", "sernn=0.3:0.01:4", "--no-train");
        assertEquals(Main.USER_ERROR, code);
        assertTrue(err.toString().contains("0 < FROM <= TO"), err.toString());
    }

    @Test
    void comparingAModelWithASweepIsAUserError() {
        StringWriter err = new StringWriter();
        int code = run(err, "compare", "models/rate-sernn.yaml", dir.toString(), "--out", dir.resolve("c").toString());
        assertEquals(Main.USER_ERROR, code);
        assertTrue(err.toString().contains("both be models or both be sweep folders"), err.toString());
    }
}
