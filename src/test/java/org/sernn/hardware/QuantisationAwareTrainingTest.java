package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.InputBatch;
import org.sernn.task.TaskDatasets;
import org.sernn.task.Tasks;
import org.sernn.train.Adam;
import org.sernn.train.BatchResult;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.TaskInputs;
import org.sernn.train.Trainer;

/**
 * Straight-through quantisation-aware training: one Adam step of the Trainer with the QAT forward
 * transform equals one Adam step, applied to the float weights, of the gradient computed by hand
 * at the quantised weights (adam_epsilon 1 makes the first step proportional to the gradient,
 * not just its sign).
 */
class QuantisationAwareTrainingTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final String RATE = "name: qat\nseed: 5\nsizes: {recurrent: 12}\nspace: {layout: box}\n"
            + "neuron: {type: rate, tau_out_ms: 0}\nweights: {w_rec: {init: orthogonal}}\n"
            + "task: {name: maze, train_trials: 32, validation_trials: 16, test_trials: 16, input_noise_std: 0}\n"
            + "training: {epochs: 1, batch_size: 32, learning_rate: 0.01, adam_epsilon: 1.0, regulariser: {kind: none}}\n";
    private static final HardwareProfile FOUR_BIT = HardwareProfiles.fromYaml(
            "name: q4\nkind: ideal\nweights: {bits: 4, granularity: per_neuron}\n", "q4");

    @TempDir
    Path dir;

    @Test
    void forwardQuantisesEveryWeightMatrixAndLeavesTheFloatWeightsAlone() {
        Network network = NetworkFactory.build(ConfigLoader.fromYaml(RATE, "inline"), Path.of("."));
        Params params = Params.of(network);
        Params before = params.copy();
        Params q = new QuantisationAwareTraining(FOUR_BIT).forward(params);
        WeightQuantiser quantiser = new WeightQuantiser(FOUR_BIT.weights());
        assertArrayEquals(quantiser.quantise(params.wRec, 12, 12, null), q.wRec, 0.0);
        assertArrayEquals(quantiser.quantise(params.wIn, 12, 8, null), q.wIn, 0.0);
        assertArrayEquals(quantiser.quantise(params.wOut, 4, 12, null), q.wOut, 0.0);
        assertArrayEquals(before.wRec, params.wRec, 0.0);
    }

    @Test
    void oneStepUsesTheGradientAtTheQuantisedWeights() {
        ModelConfig config = ConfigLoader.fromYaml(RATE, "inline");
        Network initial = NetworkFactory.build(config, Path.of("."));
        QuantisationAwareTraining qat = new QuantisationAwareTraining(FOUR_BIT);
        Network trained = new Trainer(initial, dir.resolve("qat"), QUIET, false, qat).run(false).network();
        Network plain = new Trainer(initial, dir.resolve("plain"), QUIET, false).run(false).network();

        TaskDatasets data = TaskDatasets.draw(Tasks.of(config), 32, 16, 16, config.seed());
        TaskInputs inputs = new TaskInputs(config, Tasks.of(config));
        InputBatch input = inputs.encodeWithoutNoise(data.train(), new SplittableRandom(0));
        Params params = Params.of(initial);
        BatchResult result = LearningRules.of(initial).run(qat.forward(params), input, data.train().labels(),
                inputs.lossMask());
        new Adam(params, 0.01, config.training().adamBeta1(), config.training().adamBeta2(),
                config.training().adamEpsilon()).update(params, result.gradients());

        assertArrayEquals(params.wRec, trained.wRec().toArray(), 1e-9);
        assertArrayEquals(params.wIn, trained.wIn().toArray(), 1e-9);
        double difference = 0;
        for (int i = 0; i < params.wRec.length; i++) {
            difference = Math.max(difference, Math.abs(plain.wRec().toArray()[i] - params.wRec[i]));
        }
        assertTrue(difference > 1e-7, "QAT and float training should differ, max difference " + difference);
        assertEquals(144, trained.wRec().toArray().length);
    }
}
