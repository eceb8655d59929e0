package org.sernn.hardware;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.train.Adam;
import org.sernn.train.EpochLoop;
import org.sernn.train.EpochTotals;
import org.sernn.train.EvaluationSet;
import org.sernn.train.LearningRule;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;
import org.sernn.train.TrainingData;
import org.sernn.train.TrainingSeeds;
import org.sernn.train.TrainingSeeds.Purpose;
import org.sernn.train.WeightTransform;

/**
 * On-chip training of a network whose weights live on PCM crossbars (Demirag et al.; Nandakumar
 * et al. 2018): each batch reads the weights (with read noise), the learning rule gives the
 * gradient at those weights (any {@link LearningRule}: BPTT or e-prop), the
 * config's structural regulariser adds its gradient, the digital side turns it into a desired
 * change with Adam, and the update scheme writes that change as SET pulses. Biases are digital.
 * The batches go through the trainer's own loop ({@link EpochLoop}): the same seeded order and
 * encoding, gradient clipping and refusal of non-finite losses, gradients and weights.
 */
public final class OnChipTrainer {
    private final Network initial;
    private final CrossbarSpec spec;
    private final LearningRule rule;
    private final PrintStream log;

    public OnChipTrainer(Network initial, CrossbarSpec spec, LearningRule rule, PrintStream log) {
        this.initial = initial;
        this.spec = spec;
        this.rule = rule;
        this.log = log;
    }

    /**
     * @param pairs    differential pairs per synapse (1 except for the multi-memristor scheme)
     * @param headroom weights can reach headroom x the initial largest |W| of their matrix
     */
    public record Settings(PcmUpdateScheme scheme, int pairs, double headroom, int epochs, long deviceSeed) {
    }

    /**
     * Validation accuracy after each epoch (one noisy read), test accuracy of {@value #TEST_READS}
     * independent noisy reads of the final conductances, pulses applied; the network holds the
     * noise-free final weights.
     */
    public record Result(Network network, double[] validationAccuracy, double[] testAccuracy, long pulses) {
        public double meanTestAccuracy() {
            return Arrays.stream(testAccuracy).average().orElse(Double.NaN);
        }
    }

    /** Independent reads of the final weights the test accuracy is averaged over. */
    public static final int TEST_READS = 5;

    public Result run(Settings settings) {
        ModelConfig config = initial.config();
        TrainingData data = TrainingData.of(initial);
        double[] lossMask = data.lossMask();
        ModelConfig.Training training = config.training();
        Regulariser regulariser = Regulariser.of(training.regulariser(), initial.positions().distanceMatrix());
        SplittableRandom device = new SplittableRandom(settings.deviceSeed());
        int n = initial.nRec();
        boolean[] recurrentDevices = HardwareTarget.recurrentDevices(initial);
        Params params = Params.of(initial);
        PcmSynapses[] synapses = {
            new PcmSynapses(spec, params.wIn, null, settings.pairs(), settings.headroom(), device.split()),
            new PcmSynapses(spec, params.wRec, recurrentDevices, settings.pairs(), settings.headroom(), device.split()),
            new PcmSynapses(spec, params.wOut, null, settings.pairs(), settings.headroom(), device.split())};
        ChipWeights chip = new ChipWeights(synapses, settings.scheme(), device);
        EpochLoop loop = loop(regulariser);
        Adam adam = new Adam(params, training.learningRate(), training.adamBeta1(), training.adamBeta2(),
                training.adamEpsilon());
        EvaluationSet validation = new EvaluationSet(data.data().validation(), data.inputs(),
                TrainingSeeds.stream(config.seed(), 0, 0, Purpose.EVALUATION), training.batchSize());
        double[] validationAccuracy = new double[settings.epochs()];
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            EpochTotals totals = loop.epoch(epoch, data, params, adam, chip, null);
            chip.beforeBatch(params);
            validationAccuracy[epoch - 1] = validation.accuracy(params.toNetwork(initial), lossMask);
            log.printf(Locale.ROOT, "%s epoch %d/%d: loss %.4f, validation accuracy %.4f%n",
                    settings.scheme().name().toLowerCase(Locale.ROOT), epoch, settings.epochs(), totals.totalLoss(),
                    validationAccuracy[epoch - 1]);
        }
        EvaluationSet test = new EvaluationSet(data.data().test(), data.inputs(), TrainingSeeds.stream(config.seed(), 0,
                1, Purpose.EVALUATION), training.batchSize());
        double[] testAccuracy = new double[TEST_READS];
        for (int r = 0; r < TEST_READS; r++) {
            chip.beforeBatch(params);
            testAccuracy[r] = test.accuracy(params.toNetwork(initial), lossMask);
        }
        long pulses = synapses[0].pulses() + synapses[1].pulses() + synapses[2].pulses();
        Network trained = new Network(initial.config(), initial.positions(), initial.neurons(),
                DenseMatrix.of(n, initial.nIn(), synapses[0].weights()), DenseMatrix.of(n, n, synapses[1].weights()),
                DenseMatrix.of(initial.nOut(), n, synapses[2].weights()), params.bRec, params.bOut);
        return new Result(trained, validationAccuracy, testAccuracy, pulses);
    }

    private EpochLoop loop(Regulariser regulariser) {
        return new EpochLoop(initial.config(), rule, regulariser, WeightTransform.IDENTITY, epoch -> "");
    }

    /**
     * The weights on the crossbars: each batch reads them (with read noise) and, after Adam's
     * update of the digital copy, the scheme writes the desired change as pulses. Biases stay
     * digital and take Adam's change as it is.
     */
    static final class ChipWeights implements EpochLoop.WeightStore {
        private final PcmSynapses[] synapses;
        private final PcmUpdateScheme scheme;
        private final SplittableRandom device;

        ChipWeights(PcmSynapses[] synapses, PcmUpdateScheme scheme, SplittableRandom device) {
            this.synapses = synapses;
            this.scheme = scheme;
            this.device = device;
        }

        @Override
        public void beforeBatch(Params params) {
            readInto(params, synapses, device);
        }

        @Override
        public boolean wantsPrevious() {
            return true;
        }

        @Override
        public void afterUpdate(Params previous, Params params) {
            synapses[0].update(difference(params.wIn, previous.wIn), scheme, device);
            synapses[1].update(difference(params.wRec, previous.wRec), scheme, device);
            synapses[2].update(difference(params.wOut, previous.wOut), scheme, device);
        }
    }

    /**
     * One batch on the chip through the training loop (read, gradient plus regulariser, checks,
     * clipping, Adam, pulses).
     *
     * @return the batch's loss: task plus firing-rate term plus regulariser
     */
    double step(Params params, PcmSynapses[] synapses, Adam adam, Regulariser regulariser, InputBatch input,
            int[] labels, double[] lossMask, PcmUpdateScheme scheme, SplittableRandom device) {
        return loop(regulariser).batch(1, 0, params, adam, new ChipWeights(synapses, scheme, device), input, labels,
                lossMask).loss();
    }

    private static void readInto(Params params, PcmSynapses[] synapses, SplittableRandom random) {
        System.arraycopy(synapses[0].read(random), 0, params.wIn, 0, params.wIn.length);
        System.arraycopy(synapses[1].read(random), 0, params.wRec, 0, params.wRec.length);
        System.arraycopy(synapses[2].read(random), 0, params.wOut, 0, params.wOut.length);
    }

    private static double[] difference(double[] after, double[] before) {
        double[] delta = new double[after.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = after[i] - before[i];
        }
        return delta;
    }
}
