package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.Network;

/**
 * Importing a recurrent population with a spiking output layer costs memory in proportion to the
 * n x n matrix, not to n copies of it: the bytes this thread allocates (counted by the JVM, not
 * timed) stay far below the 8 n^3 bytes of one whole-matrix copy per row, and the recurrent block
 * comes through unchanged.
 */
class NirImportCostTest {
    private static final int N = 600;
    private static final int OUT = 3;

    @Test
    void outputLayerAssemblyIsQuadraticNotCubic() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] wRec = new double[N][N];
        for (double[] row : wRec) {
            for (int j = 0; j < N; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        double[][] wIn = new double[N][2];
        double[][] wOut = new double[OUT][N];
        for (double[] row : wOut) {
            row[random.nextInt(N)] = 1.0;
        }
        NirGraph graph = graph(wIn, wRec, wOut);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        Network network = NirImporter.fromGraph(graph, 1e-3, NirDiscretisation.EXACT, "cost", "cost").network();
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        long cubic = 8L * N * N * N;
        assertTrue(allocated < cubic / 8, "allocated " + allocated + " bytes; one copy of W_rec per row is " + cubic);
        assertEquals(N + OUT, network.nRec());
        double[] imported = network.wRec().toArray();
        double gain = 1 - Math.exp(-1e-3 / 0.02);   // r (1 - exp(-dt / tau)), the LIF's input gain
        for (int i = 0; i < N; i += 37) {
            for (int j = 0; j < N; j += 41) {
                assertEquals(wRec[i][j] * gain, imported[i * (N + OUT) + j], 1e-15, "w_rec[" + i + "][" + j + "]");
            }
        }
    }

    private static NirGraph graph(double[][] wIn, double[][] wRec, double[][] wOut) {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("input", NirNode.of("Input", NirValues.entries("shape", new long[] {2}), Map.of()));
        nodes.put("w_in", NirNode.of("Linear", NirValues.entries("weight", wIn), Map.of()));
        nodes.put("lif", lif(N));
        nodes.put("w_rec", NirNode.of("Linear", NirValues.entries("weight", wRec), Map.of()));
        nodes.put("w_out", NirNode.of("Linear", NirValues.entries("weight", wOut), Map.of()));
        nodes.put("lif_out", lif(OUT));
        nodes.put("output", NirNode.of("Output", NirValues.entries("shape", new long[] {OUT}), Map.of()));
        return new NirGraph(nodes, List.of(new NirEdge("input", "w_in"), new NirEdge("w_in", "lif"),
                new NirEdge("lif", "w_rec"), new NirEdge("w_rec", "lif"), new NirEdge("lif", "w_out"),
                new NirEdge("w_out", "lif_out"), new NirEdge("lif_out", "output")));
    }

    private static NirNode lif(int n) {
        double[] tau = new double[n];
        double[] r = new double[n];
        double[] zero = new double[n];
        double[] threshold = new double[n];
        java.util.Arrays.fill(tau, 0.02);
        java.util.Arrays.fill(r, 1.0);
        java.util.Arrays.fill(threshold, 1.0);
        return NirNode.of("LIF", NirValues.entries("tau", tau, "r", r, "v_leak", zero, "v_threshold", threshold,
                "v_reset", zero), Map.of());
    }
}
