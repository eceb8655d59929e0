package org.sernn.neuron.alif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.ConfigLoader;
import org.sernn.model.LearnableTimeConstant;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.train.Params;
import org.sernn.train.Trainer;

/**
 * Training ALIF networks with {@code neuron.learn: [tau_m, tau_a]}: the per-unit time constants move
 * with Adam, stay in [dt, max], and survive checkpoints and an interrupted run bit for bit; without
 * {@code learn} nothing but the weights is trained.
 */
class AlifLearntTimeConstantsTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String SMALL = "name: small-alif-learnt\nseed: 5\n"
            + "neuron: {type: alif, tau_a_ms: 200, tau_m_distribution: {shape: 3}, learn: [tau_m, tau_a]}\n"
            + "sizes: {recurrent: 30}\nspace: {layout: box}\n"
            + "weights: {w_in: {gain: 3}, w_rec: {init: orthogonal}}\n"
            + "task: {name: maze, steps_per_task_step: 2, loss_window: 3, train_trials: 128, validation_trials: 32,"
            + " test_trials: 32}\n"
            + "training: {epochs: 2, batch_size: 64, learning_rate: 0.5}\n";

    @TempDir
    Path dir;

    private static Network network(String yaml) {
        return NetworkFactory.build(ConfigLoader.fromYaml(yaml, "inline"), Path.of("."));
    }

    @Test
    void timeConstantsLearnWithinTheirRangesAndResumeBitIdentically() throws IOException {
        Network initial = network(SMALL);
        assertEquals(Set.of(LearnableTimeConstant.values()), initial.neurons().learnedTimeConstants());
        Path full = dir.resolve("full");
        Trainer.Result trained = new Trainer(initial, full, QUIET, false).run(false);
        double[] before = Params.of(initial).neuron;
        double[] after = Params.of(trained.network()).neuron;
        int n = initial.nRec();
        assertEquals(2 * n, after.length);
        assertArrayEquals(initial.neurons().tauMMs(), java.util.Arrays.copyOfRange(before, 0, n));
        assertArrayEquals(trained.network().neurons().tauAMs(), java.util.Arrays.copyOfRange(after, n, 2 * n));
        LearnableTimeConstant[] order = {LearnableTimeConstant.TAU_M, LearnableTimeConstant.TAU_A};
        for (int k = 0; k < 2; k++) {
            int moved = 0;
            for (int j = 0; j < n; j++) {
                double value = after[k * n + j];
                assertTrue(value >= 1.0 && value <= order[k].maxMs(), order[k] + " of unit " + j + " is " + value);
                moved += value != before[k * n + j] ? 1 : 0;
            }
            assertTrue(moved > n / 2, order[k] + " moved in " + moved + " units");
        }
        Network read = NetworkCheckpoint.read(full.resolve("model.npz"));
        assertEquals(trained.network().neurons(), read.neurons());
        assertArrayEquals(after, Params.of(read).neuron);
        // Killed during epoch 2: resuming from epoch 1 (weights, time constants, Adam moments) ends identically.
        Path cut = dir.resolve("cut");
        new Trainer(network(SMALL), cut, QUIET, false).run(false);
        Files.copy(cut.resolve("epoch-001.npz"), cut.resolve("model.npz"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(cut.resolve("epoch-002.npz"));
        Trainer.Result resumed = new Trainer(network(SMALL), cut, QUIET, false).run(true);
        assertEquals(trained.network(), resumed.network());
        assertTrue(NetworkCheckpoint.readArrays(cut.resolve("model.npz")).containsKey("adam_m_neuron"));
    }

    @Test
    void withoutLearnOnlyTheWeightsTrain() throws IOException {
        Network initial = network(SMALL.replace(", learn: [tau_m, tau_a]", ""));
        assertEquals(0, Params.of(initial).neuron.length);
        Trainer.Result trained = new Trainer(initial, dir.resolve("fixed"), QUIET, false).run(false);
        assertArrayEquals(initial.neurons().tauMMs(), trained.network().neurons().tauMMs());
        assertArrayEquals(initial.neurons().tauAMs(), trained.network().neurons().tauAMs());
    }

    @Test
    void valuesOutsideTheRangeAreClampedWhenWrittenBack() {
        NeuronParams neurons = network(SMALL).neurons();
        int n = neurons.size();
        double[] values = NeuronModels.spiking(neurons).trainableValues();
        values[0] = 0.2;          // tau_m below dt = 1 ms
        values[n + 1] = 50_000;   // tau_a above 10 s
        NeuronParams clamped = NeuronModels.spiking(neurons).withTrainableValues(values);
        assertEquals(1.0, clamped.tauMMs()[0]);
        assertEquals(10_000.0, clamped.tauAMs()[1]);
        assertEquals(values[2], clamped.tauMMs()[2], "values inside the range are kept");
        assertEquals(Math.exp(-1.0), clamped.alpha()[0], 0.0, "the shortest tau_m decays by 1/e per step");
    }
}
