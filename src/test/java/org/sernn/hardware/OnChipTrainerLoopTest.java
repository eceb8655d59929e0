package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.InputBatch;
import org.sernn.task.MazeTask;
import org.sernn.task.PoissonEncoder;
import org.sernn.train.Adam;
import org.sernn.train.BatchResult;
import org.sernn.train.LearningRule;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;

/**
 * On-chip training goes through the trainer's own loop: its loss is the one the optimiser
 * minimises (task plus firing-rate term), a non-finite loss stops it with a message, and a config
 * without a task trains on the default task as {@code train} does.
 */
class OnChipTrainerLoopTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int STEPS = 40;
    private static final CrossbarSpec SPEC = PcmSynapsesTest.spec(PcmSynapsesTest.fixedPulse(0.75));

    private static Network network(String extra) {
        ModelConfig config = ConfigLoader.fromYaml("name: onchip-loop\nseed: 5\n"
                + "sizes: {inputs: " + MazeTask.CHANNELS + ", recurrent: 12, outputs: " + MazeTask.CLASSES + "}\n"
                + "space: {layout: box}\nneuron: {type: alif, alif_fraction: 0.5, beta: 0.07, tau_a_ms: 200}\n"
                + "weights:\n  w_in: {init: gaussian, gain: 3.0}\n  w_rec: {init: gaussian, gain: 1.0}\n" + extra,
                "onchip-loop");
        return NetworkFactory.build(config, Path.of("."));
    }

    private static PcmSynapses[] program(Network network, Params params) {
        SplittableRandom random = new SplittableRandom(1);
        return new PcmSynapses[] {
            new PcmSynapses(SPEC, params.wIn, null, 1, 2.0, random.split()),
            new PcmSynapses(SPEC, params.wRec, HardwareTarget.recurrentDevices(network), 1, 2.0, random.split()),
            new PcmSynapses(SPEC, params.wOut, null, 1, 2.0, random.split())};
    }

    private static Adam adam(Network network, Params params) {
        ModelConfig.Training t = network.config().training();
        return new Adam(params, t.learningRate(), t.adamBeta1(), t.adamBeta2(), t.adamEpsilon());
    }

    private static double[] lossMask() {
        double[] mask = new double[STEPS];
        Arrays.fill(mask, STEPS - 10, STEPS, 1.0);
        return mask;
    }

    @Test
    void batchLossIncludesTheFiringRateTerm() {
        Network network = network("training: {learning_rate: 0.01, rate_regulariser: {c_reg: 0.5, target_hz: 2},"
                + " regulariser: {kind: none}}\n");
        LearningRule rule = LearningRules.of(network);
        InputBatch input = PoissonEncoder.background(4, STEPS, MazeTask.CHANNELS, 80.0, 1.0, new SplittableRandom(8));
        int[] labels = {0, 1, 2, 3};
        Params params = Params.of(network);
        PcmSynapses[] synapses = program(network, params);
        Params read = params.copy();
        System.arraycopy(synapses[0].weights(), 0, read.wIn, 0, read.wIn.length);
        System.arraycopy(synapses[1].weights(), 0, read.wRec, 0, read.wRec.length);
        System.arraycopy(synapses[2].weights(), 0, read.wOut, 0, read.wOut.length);
        BatchResult direct = rule.run(read, input, labels, lossMask());
        assertTrue(direct.rateLoss() > 1e-6, "the rate term is not negligible: " + direct.rateLoss());

        Regulariser none = Regulariser.of(network.config().training().regulariser(),
                network.positions().distanceMatrix());
        double loss = new OnChipTrainer(network, SPEC, rule, QUIET).step(params, synapses, adam(network, params), none,
                input, labels, lossMask(), PcmUpdateScheme.SIGN, new SplittableRandom(3));
        assertEquals(direct.taskLoss() + direct.rateLoss(), loss, 1e-12);
    }

    @Test
    void nonFiniteLossStopsTraining() {
        Network network = network("training: {regulariser: {kind: none}}\n");
        InputBatch input = PoissonEncoder.background(2, STEPS, MazeTask.CHANNELS, 80.0, 1.0, new SplittableRandom(8));
        Params params = Params.of(network);
        // digital readout biases at the ends of the double range: the logit gap overflows
        params.bOut[0] = 1e308;
        params.bOut[1] = -1e308;
        PcmSynapses[] synapses = program(network, params);
        Regulariser none = Regulariser.of(network.config().training().regulariser(),
                network.positions().distanceMatrix());
        OnChipTrainer trainer = new OnChipTrainer(network, SPEC, LearningRules.of(network), QUIET);
        UserError e = assertThrows(UserError.class, () -> trainer.step(params, synapses, adam(network, params), none,
                input, new int[] {1, 1}, lossMask(), PcmUpdateScheme.SIGN, new SplittableRandom(3)));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 1, batch 0: the loss or its gradient is "),
                e.getMessage());
    }

    @Test
    void configWithoutATaskTrainsOnTheDefaultTask() {
        Network network = network("training: {epochs: 1, batch_size: 512, regulariser: {kind: none}}\n");
        assertEquals(null, network.config().task());
        OnChipTrainer.Result result = new OnChipTrainer(network, SPEC, LearningRules.of(network), QUIET)
                .run(new OnChipTrainer.Settings(PcmUpdateScheme.SIGN, 1, 2.0, 1, 7));
        assertEquals(1, result.validationAccuracy().length);
        assertTrue(result.pulses() > 0, "the devices were programmed");
        for (double accuracy : result.testAccuracy()) {
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        }
    }
}
