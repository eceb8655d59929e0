package org.sernn.neuron.adlif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.train.Params;
import org.sernn.train.Trainer;

/**
 * Training adLIF networks with BPTT: alpha, rho (sparch's beta), a and b move with Adam, stay in
 * sparch's ranges, and survive checkpoints and an interrupted run bit for bit.
 */
class AdlifTrainingTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String SMALL = "name: small-adlif\nseed: 5\nneuron: {type: adlif}\n"
            + "sizes: {recurrent: 30}\nspace: {layout: box}\n"
            + "weights: {w_in: {gain: 3}, w_rec: {init: orthogonal}}\n"
            + "task: {name: maze, steps_per_task_step: 2, loss_window: 3, train_trials: 128, validation_trials: 32,"
            + " test_trials: 32}\n"
            + "training: {epochs: 2, batch_size: 64, learning_rate: 0.05, surrogate: {kind: boxcar},"
            + " rate_regulariser: {c_reg: 0.0001}}\n";

    @TempDir
    Path dir;

    private static Network network() {
        return NetworkFactory.build(ConfigLoader.fromYaml(SMALL, "inline"), Path.of("."));
    }

    @Test
    void perUnitParametersLearnWithinTheirRangesAndResumeBitIdentically() throws IOException {
        Network initial = network();
        Path full = dir.resolve("full");
        Trainer.Result trained = new Trainer(initial, full, QUIET, false).run(false);
        double[] before = Params.of(initial).neuron;
        double[] after = Params.of(trained.network()).neuron;
        int n = initial.nRec();
        assertEquals(4 * n, after.length);
        AdlifRanges ranges = AdlifRanges.sparch(1.0);
        double[][] bounds = {{ranges.alphaMin(), ranges.alphaMax()}, {ranges.betaMin(), ranges.betaMax()},
            {0, 1}, {0, 2}};
        for (int k = 0; k < 4; k++) {
            int moved = 0;
            for (int j = 0; j < n; j++) {
                double value = after[k * n + j];
                assertTrue(value >= bounds[k][0] - 1e-12 && value <= bounds[k][1] + 1e-12,
                        "parameter " + k + " of unit " + j + " is " + value);
                moved += value != before[k * n + j] ? 1 : 0;
            }
            assertTrue(moved > n / 2, "parameter " + k + " moved in " + moved + " units");
        }
        // The checkpoint holds them: read back, the network (tau_m, tau_a, a, b) is the same.
        Network read = NetworkCheckpoint.read(full.resolve("model.npz"));
        assertEquals(trained.network().neurons(), read.neurons());
        assertArrayEquals(after, Params.of(read).neuron);
        // Killed during epoch 2: resuming from epoch 1 (weights, per-unit parameters, Adam moments) ends identically.
        Path cut = dir.resolve("cut");
        new Trainer(network(), cut, QUIET, false).run(false);
        Files.copy(cut.resolve("epoch-001.npz"), cut.resolve("model.npz"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(cut.resolve("epoch-002.npz"));
        Trainer.Result resumed = new Trainer(network(), cut, QUIET, false).run(true);
        assertEquals(trained.network(), resumed.network());
        assertTrue(NetworkCheckpoint.readArrays(cut.resolve("model.npz")).containsKey("adam_m_neuron"));
    }

    @Test
    void valuesOutsideTheRangesAreClampedWhenWrittenBack() {
        Network network = network();
        NeuronParams neurons = network.neurons();
        int n = network.nRec();
        double[] values = NeuronModels.spiking(neurons).trainableValues();
        values[0] = 0.1;         // alpha below e^-1/5
        values[n + 1] = 0.9999;  // rho above e^-1/120
        values[2 * n + 2] = -7;  // a below 0
        values[3 * n + 3] = 3;   // b above 2
        NeuronParams clamped = NeuronModels.spiking(neurons).withTrainableValues(values);
        double[] back = NeuronModels.spiking(clamped).trainableValues();
        AdlifRanges ranges = AdlifRanges.sparch(1.0);
        assertEquals(ranges.alphaMin(), back[0], 1e-15);
        assertEquals(ranges.betaMax(), back[n + 1], 1e-15);
        assertEquals(0.0, back[2 * n + 2]);
        assertEquals(2.0, back[3 * n + 3]);
        assertEquals(5.0, clamped.tauMMs()[0], 1e-12, "alpha = e^-1/5 is tau_m = 5 ms");
        assertNotEquals(values[4], 0.1);
        assertEquals(values[4], back[4], 1e-15, "values inside their ranges are kept");
    }

    /**
     * Adam moves alpha and rho, checkpoints hold tau_m and tau_a: resuming is bit-identical only if
     * alpha -> tau = -dt / ln(alpha) -> exp(-dt / tau) gives alpha back exactly. Over the whole range
     * (e^-1/5 to e^-1/120, dt = 1 ms) it does (checked on 20 million values while writing this).
     */
    @Test
    void decaysSurviveTheRoundTripThroughTimeConstantsExactly() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        AdlifRanges ranges = AdlifRanges.sparch(1.0);
        for (int i = 0; i < 200_000; i++) {
            double decay = ranges.alphaMin() + (ranges.betaMax() - ranges.alphaMin()) * random.nextDouble();
            double tauMs = -1.0 / Math.log(decay);
            assertEquals(decay, Math.exp(-1.0 / tauMs), 0.0, "decay " + decay);
        }
    }
}
