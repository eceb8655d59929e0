package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;

/**
 * Training with e-prop under the seRNN and rate regularisers: for every feedback kind a run resumed
 * from an earlier epoch ends bit-identical to an uninterrupted one (B is rebuilt from the seed and
 * the initial W_out), and the weights move.
 */
class EpropTrainingTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private static Network network(String feedback) {
        String yaml = "name: small\nseed: 3\nneuron: {type: alif, alif_fraction: 0.5, tau_a_ms: 200,"
                + " beta: 0.07, n_ref: 2}\nsizes: {recurrent: 30}\nspace: {layout: box}\n"
                + "weights: {w_in: {gain: 3}, w_rec: {init: gaussian}}\n"
                + "task: {name: maze, steps_per_task_step: 2, loss_window: 3, train_trials: 128, validation_trials: 32,"
                + " test_trials: 32}\n"
                + "training: {learning_rule: eprop, eprop: {feedback: " + feedback + "}, epochs: 2, batch_size: 64,"
                + " learning_rate: 0.005, rate_regulariser: {c_reg: 0.0001}, regulariser: {kind: sernn, lambda: 0.01}}\n";
        return NetworkFactory.build(ConfigLoader.fromYaml(yaml, "inline"), Path.of("."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"symmetric", "random", "adaptive"})
    void resumedEpropRunIsBitIdentical(String feedback) throws IOException {
        Trainer.Result uninterrupted = new Trainer(network(feedback), dir.resolve("full"), QUIET, false).run(false);
        Path cut = dir.resolve("cut");
        new Trainer(network(feedback), cut, QUIET, false).run(false);
        Files.copy(cut.resolve("epoch-001.npz"), cut.resolve("model.npz"), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(cut.resolve("epoch-002.npz"));
        Trainer.Result resumed = new Trainer(network(feedback), cut, QUIET, false).run(true);
        assertEquals(uninterrupted.network(), resumed.network());
        assertNotEquals(network(feedback), uninterrupted.network(), "training changed the weights");
        assertTrue(uninterrupted.metricsRows().size() == 2);
    }
}
