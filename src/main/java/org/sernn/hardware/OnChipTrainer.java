package org.sernn.hardware;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.util.Permutations;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.TaskDatasets;
import org.sernn.task.Tasks;
import org.sernn.train.Adam;
import org.sernn.train.BatchResult;
import org.sernn.train.Evaluation;
import org.sernn.train.LearningRule;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;
import org.sernn.train.TaskInputs;
import org.sernn.train.Trainer;
import org.sernn.train.TrainingSeeds;
import org.sernn.train.TrainingSeeds.Purpose;

/**
 * On-chip training of a network whose weights live on PCM crossbars (Demirag et al.; Nandakumar
 * et al. 2018): each batch reads the weights (with read noise), the learning rule gives the
 * gradient at those weights (any {@link LearningRule}: BPTT or e-prop), the
 * config's structural regulariser adds its gradient, the digital side turns it into a desired
 * change with Adam, and the update scheme writes that change as SET pulses. Biases are digital.
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
        Task task = Tasks.of(config);
        ModelConfig.TaskSpec taskSpec = config.task();
        TaskDatasets data = TaskDatasets.of(task, taskSpec, config.seed());
        TaskInputs inputs = new TaskInputs(config, task);
        double[] lossMask = inputs.lossMask();
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
        Adam adam = new Adam(params, training.learningRate(), training.adamBeta1(), training.adamBeta2(),
                training.adamEpsilon());
        InputBatch validation = inputs.encodeWithoutNoise(data.validation(),
                TrainingSeeds.stream(config.seed(), 0, 0, Purpose.EVALUATION));
        double[] validationAccuracy = new double[settings.epochs()];
        int batchSize = Math.min(training.batchSize(), data.train().trials());
        int batches = (data.train().trials() + batchSize - 1) / batchSize;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] order = Permutations.random(data.train().trials(),
                    TrainingSeeds.stream(config.seed(), epoch, 0, Purpose.SHUFFLE));
            double loss = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                TaskBatch batch = TaskDatasets.slice(data.train(),
                        Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize)));
                InputBatch input = inputs.encode(batch, TrainingSeeds.stream(config.seed(), epoch, b, Purpose.ENCODING),
                        TrainingSeeds.stream(config.seed(), epoch, b, Purpose.NOISE));
                loss += step(params, synapses, adam, regulariser, input, batch.labels(), lossMask, settings.scheme(),
                        device);
            }
            readInto(params, synapses, device);
            validationAccuracy[epoch - 1] = Evaluation.accuracy(params.toNetwork(initial), validation,
                    data.validation().labels(), lossMask);
            log.printf(Locale.ROOT, "%s epoch %d/%d: loss %.4f, validation accuracy %.4f%n",
                    settings.scheme().name().toLowerCase(Locale.ROOT), epoch, settings.epochs(), loss / batches,
                    validationAccuracy[epoch - 1]);
        }
        InputBatch test = inputs.encodeWithoutNoise(data.test(), TrainingSeeds.stream(config.seed(), 0, 1,
                Purpose.EVALUATION));
        double[] testAccuracy = new double[TEST_READS];
        for (int r = 0; r < TEST_READS; r++) {
            readInto(params, synapses, device);
            testAccuracy[r] = Evaluation.accuracy(params.toNetwork(initial), test, data.test().labels(), lossMask);
        }
        long pulses = synapses[0].pulses() + synapses[1].pulses() + synapses[2].pulses();
        Network trained = new Network(initial.config(), initial.positions(), initial.neurons(),
                DenseMatrix.of(n, initial.nIn(), synapses[0].weights()), DenseMatrix.of(n, n, synapses[1].weights()),
                DenseMatrix.of(initial.nOut(), n, synapses[2].weights()), params.bRec, params.bOut);
        return new Result(trained, validationAccuracy, testAccuracy, pulses);
    }

    /**
     * One batch on the chip: read the weights (with read noise), the rule's gradient at them plus the
     * regulariser's, Adam's desired change of the digital copy, written to the devices by the scheme.
     * Biases stay digital and take Adam's change as it is.
     *
     * @return the batch's task loss plus regulariser value
     */
    double step(Params params, PcmSynapses[] synapses, Adam adam, Regulariser regulariser, InputBatch input,
            int[] labels, double[] lossMask, PcmUpdateScheme scheme, SplittableRandom device) {
        readInto(params, synapses, device);
        BatchResult result = rule.run(params, input, labels, lossMask);
        Params gradients = result.gradients();
        double loss = result.taskLoss() + regulariser.addValueAndGradient(params.wRec, params.nRec, gradients.wRec);
        Params before = params.copy();
        adam.update(params, gradients);
        synapses[0].update(difference(params.wIn, before.wIn), scheme, device);
        synapses[1].update(difference(params.wRec, before.wRec), scheme, device);
        synapses[2].update(difference(params.wOut, before.wOut), scheme, device);
        return loss;
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
