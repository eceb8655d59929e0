package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.task.PoissonEncoder;

/** Export to NIR, import, simulate: the same spikes as the original network. */
public class NirRoundTripTest {
    @TempDir
    Path dir;

    public static Network network(String neuron) {
        ModelConfig config = ConfigLoader.fromYaml("name: round-trip\nseed: 7\n"
                + "sizes: {inputs: 6, recurrent: 40, outputs: 3}\nspace: {layout: box}\n"
                + "neuron: " + neuron + "\n"
                + "weights:\n  w_in: {init: gaussian, gain: 2.0}\n  w_rec: {init: gaussian, gain: 1.0, connection_prob: 0.3}\n",
                "round-trip");
        return NetworkFactory.build(config, Path.of("."));
    }

    /** The same network with its weights rounded to float32, the precision NIR files hold weights in. */
    public static Network float32Weights(Network n) {
        return new Network(n.config(), n.positions(), n.neurons(), float32(n.wIn()), float32(n.wRec()),
                float32(n.wOut()), floats(n.bRec()), floats(n.bOut()));
    }

    private static DenseMatrix float32(DenseMatrix m) {
        return DenseMatrix.of(m.rows(), m.cols(), floats(m.toArray()));
    }

    private static double[] floats(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) out[i];
        }
        return out;
    }

    @Test
    void alifNetworkComesBackWithIdenticalSpikes() {
        Network original = float32Weights(network("{type: alif, alif_fraction: 0.5, beta: 0.2, tau_a_ms: 200, "
                + "n_ref: 2, tau_out_ms: 20, tau_m_distribution: {shape: 3}}"));
        Path file = dir.resolve("model.nir");
        NirFile.write(file, NirExporter.toGraph(original).graph());
        Network back = NirImporter.read(file, null).network();

        assertArrayEquals(original.wIn().toArray(), back.wIn().toArray(), 0.0);
        assertArrayEquals(original.wRec().toArray(), back.wRec().toArray(), 0.0);
        assertArrayEquals(original.wOut().toArray(), back.wOut().toArray(), 0.0);
        assertEquals(original.positions(), back.positions());
        assertArrayEquals(original.neurons().beta(), back.neurons().beta(), 0.0);
        assertArrayEquals(original.neurons().nRef(), back.neurons().nRef());
        assertArrayEquals(original.neurons().vTh(), back.neurons().vTh(), 0.0);
        assertArrayEquals(original.neurons().alpha(), back.neurons().alpha(), 1e-15);
        assertArrayEquals(original.neurons().rho(), back.neurons().rho(), 1e-15);
        assertEquals(original.neurons().kappa(), back.neurons().kappa(), 1e-15);

        InputBatch input = PoissonEncoder.background(3, 300, 6, 60.0, 1.0, new SplittableRandom(3));
        Recording before = new EventSimulator().run(original, input, RecordOptions.SPIKES_ONLY);
        assertTrue(before.spikes().count() > 100, "the network is active: " + before.spikes().count());
        assertEquals(before.spikes(), new EventSimulator().run(back, input, RecordOptions.SPIKES_ONLY).spikes());
        assertEquals(before.spikes(), new DenseSimulator().run(back, input, RecordOptions.SPIKES_ONLY).spikes());
        Recording after = new EventSimulator().run(back, input, RecordOptions.SPIKES_ONLY);
        assertArrayEquals(before.readout(), after.readout(), 1e-12);
    }

    /**
     * The network as trained, in double precision: NIR holds its weights as float32 (relative error
     * 6e-8), so a spike could flip only where a membrane came within about 1e-7 of its threshold;
     * on these 3 trials of 300 steps none does, and the spikes are identical.
     */
    @Test
    void doublePrecisionNetworkGivesTheSameSpikes() {
        Network original = network("{type: alif, alif_fraction: 0.5, beta: 0.2, tau_a_ms: 200, n_ref: 2}");
        Path file = dir.resolve("double.nir");
        NirFile.write(file, NirExporter.toGraph(original).graph());
        Network back = NirImporter.read(file, null).network();
        InputBatch input = PoissonEncoder.background(3, 300, 6, 60.0, 1.0, new SplittableRandom(5));
        Recording before = new EventSimulator().run(original, input, RecordOptions.SPIKES_ONLY);
        assertTrue(before.spikes().count() > 100, "the network is active: " + before.spikes().count());
        assertEquals(before.spikes(), new EventSimulator().run(back, input, RecordOptions.SPIKES_ONLY).spikes());
    }

    /** Without a leaky readout (tau_out 0) the readout Affine goes straight to the Output node. */
    @Test
    void readoutWithoutLeakRoundTrips() {
        Network original = float32Weights(network("{type: lif, tau_out_ms: 0, n_ref: 0}"));
        Path file = dir.resolve("plain.nir");
        NirExporter.NirExport export = NirExporter.toGraph(original);
        assertTrue(!export.graph().nodes().containsKey("readout"));
        NirFile.write(file, export.graph());
        Network back = NirImporter.read(file, null).network();
        InputBatch input = PoissonEncoder.background(2, 200, 6, 60.0, 1.0, new SplittableRandom(4));
        Recording before = new EventSimulator().run(original, input, RecordOptions.SPIKES_ONLY);
        Recording after = new EventSimulator().run(back, input, RecordOptions.SPIKES_ONLY);
        assertEquals(before.spikes(), after.spikes());
        assertArrayEquals(before.readout(), after.readout(), 1e-12);
    }

    /**
     * A quantised network: each weight node holds integers and is followed by a Scale node with
     * its scale(s) (here one per matrix for W_in and W_out, one per row for W_rec), so importing
     * gives the integers times the scales back exactly.
     */
    @Test
    void quantisedWeightsAreIntegersFollowedByTheirScale() {
        Network network = network("{type: lif, n_ref: 0, tau_out_ms: 20}");
        double[] rowScales = new double[network.nRec()];
        for (int row = 0; row < rowScales.length; row++) {
            rowScales[row] = 0.01 + 0.001 * row;
        }
        QuantisedWeights rec = QuantisedWeights.round(network.wRec(), 1.0);
        int[] recValues = new int[rec.rows() * rec.cols()];
        for (int i = 0; i < recValues.length; i++) {
            recValues[i] = (int) Math.round(network.wRec().toArray()[i] / rowScales[i / rec.cols()]);
        }
        Quantisation q = new Quantisation(QuantisedWeights.round(network.wIn(), 0.01),
                new QuantisedWeights(rec.rows(), rec.cols(), recValues, rowScales),
                QuantisedWeights.round(network.wOut(), 0.05));
        Path file = dir.resolve("quantised.nir");
        NirFile.write(file, NirExporter.toGraph(network, q).graph());

        NirGraph graph = NirFile.read(file);
        float[][] wRec = (float[][]) graph.nodes().get("w_rec").params().get("weight");
        for (int row = 0; row < wRec.length; row++) {
            for (int col = 0; col < wRec[row].length; col++) {
                assertEquals(q.wRec().value(row, col), wRec[row][col], 0.0);
            }
        }
        assertEquals("Scale", graph.nodes().get("w_rec_scale").type());
        assertArrayEquals(rowScales, (double[]) graph.nodes().get("w_rec_scale").params().get("scale"), 0.0);
        assertArrayEquals(new double[] {0.05}, (double[]) graph.nodes().get("w_out").metadata().get("weight_scale"), 0.0);

        Network back = NirImporter.read(file, null).network();
        assertArrayEquals(q.wIn().dequantised().toArray(), back.wIn().toArray(), 0.0);
        assertArrayEquals(q.wRec().dequantised().toArray(), back.wRec().toArray(), 0.0);
        assertArrayEquals(q.wOut().dequantised().toArray(), back.wOut().toArray(), 0.0);
    }

    /**
     * Units with a synaptic current are written as CubaLIF (tau_syn from alpha_syn, 0 for the units
     * without one) and come back with the same synapses and the same spikes.
     */
    @Test
    void synapticCurrentsRoundTripAsCubaLif() {
        Network plain = float32Weights(network("{type: alif, alif_fraction: 0.5, beta: 0.2, n_ref: 1, tau_out_ms: 20}"));
        double[] alphaSyn = new double[plain.nRec()];
        for (int j = 0; j < alphaSyn.length; j++) {
            alphaSyn[j] = j % 4 == 0 ? 0.0 : Math.exp(-1.0 / (2 + j % 7));
        }
        Network original = new Network(plain.config(), plain.positions(), plain.neurons().withSynapticDecay(alphaSyn),
                plain.wIn(), plain.wRec(), plain.wOut(), plain.bRec(), plain.bOut());
        Path file = dir.resolve("cuba.nir");
        NirFile.write(file, NirExporter.toGraph(original).graph());
        assertEquals("CubaLIF", NirFile.read(file).nodes().get("lif").type());
        Network back = NirImporter.read(file, null).network();

        assertArrayEquals(alphaSyn, back.neurons().alphaSyn(), 1e-15);
        assertArrayEquals(original.wIn().toArray(), back.wIn().toArray(), 0.0);
        assertArrayEquals(original.wRec().toArray(), back.wRec().toArray(), 0.0);
        InputBatch input = PoissonEncoder.background(3, 300, 6, 60.0, 1.0, new SplittableRandom(9));
        Recording before = new EventSimulator().run(original, input, RecordOptions.SPIKES_ONLY);
        Recording plainRun = new EventSimulator().run(plain, input, RecordOptions.SPIKES_ONLY);
        assertTrue(before.spikes().count() > 100, "the network is active: " + before.spikes().count());
        assertTrue(!before.spikes().equals(plainRun.spikes()), "the synapses change the spikes");
        assertEquals(before.spikes(), new EventSimulator().run(back, input, RecordOptions.SPIKES_ONLY).spikes());
        assertEquals(before.spikes(), new DenseSimulator().run(back, input, RecordOptions.SPIKES_ONLY).spikes());
    }
}
