package org.sernn.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sernn.UserError;
import org.sernn.analysis.WeightStatistics;
import org.sernn.io.AtomicFiles;
import org.sernn.io.NpyArray;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.sim.InputBatch;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;
import org.sernn.task.TrialSet;
import org.sernn.task.TrialSplits;
import org.sernn.train.TrainingSeeds.Purpose;
import org.sernn.util.Permutations;

/**
 * Trains a network on its config's task (DESIGN.md, {@code train}): minibatches of the training
 * split in a seeded order, the learning rule's gradient plus the structural regulariser's, optional
 * norm clipping, Adam. After each epoch: validation accuracy, a metrics.csv row, epoch-NNN.npz and
 * model.npz (the latest, with optimiser state). After the last: the test accuracy and its confusion
 * matrix, test-confusion.csv. A non-finite loss, gradient or weight stops the run
 * with a message; the last good checkpoint stays as it was.
 */
public final class Trainer {
    private static final double NEAR_ZERO = 1e-3;

    private final Network initial;
    private final ModelConfig config;
    private final Path out;
    private final PrintStream log;
    private final boolean progress;
    private final WeightTransform forward;

    public Trainer(Network initial, Path out, PrintStream log, boolean progress) {
        this(initial, out, log, progress, WeightTransform.IDENTITY);
    }

    /**
     * A trainer whose forward passes (training and evaluation) see {@code forward(params)}, with
     * straight-through gradients; checkpoints hold the untransformed weights.
     */
    public Trainer(Network initial, Path out, PrintStream log, boolean progress, WeightTransform forward) {
        this.forward = forward;
        this.initial = initial;
        this.config = initial.config();
        this.out = out;
        this.log = log;
        this.progress = progress;
    }

    /** The final state after training (resuming from out/model.npz when {@code resume}). */
    public Result run(boolean resume) {
        ModelConfig.TaskSpec taskSpec = config.task() != null ? config.task()
                : ModelConfig.TaskSpec.DEFAULT;
        Task task = Tasks.of(taskSpec, config.neuron().dtMs());
        if (task.inputChannels() != initial.nIn() || task.classes() != initial.nOut()) {
            throw new UserError("task " + task.name() + " has " + task.inputChannels() + " inputs and " + task.classes()
                    + " classes; set sizes.inputs and sizes.outputs to match (they are " + initial.nIn() + " and "
                    + initial.nOut() + ")");
        }
        ModelConfig.Training training = config.training();
        TrialSplits data = TrialSplits.of(task, taskSpec, config.seed());
        ModelConfig withTask = config.task() != null ? config : config.withTask(taskSpec);
        TaskInputs inputs = new TaskInputs(withTask, task);
        double[] lossMask = inputs.lossMask();
        LearningRule rule = LearningRules.of(initial);
        DenseMatrix distance = initial.positions().distanceMatrix();
        Regulariser regulariser = Regulariser.of(training.regulariser(), distance);

        Params params;
        Adam adam;
        TrainingState state;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError(out + ": cannot create output directory: " + e.getMessage());
        }
        Path latest = out.resolve("model.npz");
        if (resume && Files.exists(latest)) {
            Map<String, NpyArray> arrays = NetworkCheckpoint.readArrays(latest);
            Network saved = NetworkCheckpoint.fromArrays(arrays, latest);
            if (!ConfigLoader.toJson(saved.config()).equals(ConfigLoader.toJson(config))) {
                throw new UserError(latest + ": holds a run of a different config; resume with the same config or "
                        + "choose another --out");
            }
            params = Params.of(saved);
            state = TrainingState.read(arrays, saved, latest);
            adam = new Adam(training.learningRate(), training.adamBeta1(), training.adamBeta2(), training.adamEpsilon(),
                    state.firstMoment(), state.secondMoment(), state.adamStep());
            log.println("resuming " + latest + " after epoch " + state.epochsDone());
        } else {
            params = Params.of(initial);
            adam = new Adam(params, training.learningRate(), training.adamBeta1(), training.adamBeta2(),
                    training.adamEpsilon());
            state = new TrainingState(0, adam.firstMoment(), adam.secondMoment(), 0, new ArrayList<>());
            saveEpoch(state, params);
        }

        EvaluationSet validationSet = new EvaluationSet(data.validation(), inputs, TrainingSeeds.stream(config.seed(), 0,
                0, Purpose.EVALUATION), training.batchSize());
        for (int epoch = state.epochsDone() + 1; epoch <= training.epochs(); epoch++) {
            long start = System.nanoTime();
            EpochTotals totals = trainEpoch(epoch, data.train(), inputs, lossMask, rule, regulariser, params, adam);
            double validation = validationSet.accuracy(forward.forward(params).toNetwork(initial), lossMask);
            int n = params.nRec;
            EpochMetrics metrics = new EpochMetrics(epoch, totals.taskLoss(), totals.regulariserLoss(),
                    totals.rateLoss(), totals.accuracy(), validation, totals.meanRateHz(initial.neurons().dtMs(), n),
                    WeightStatistics.fractionBelow(params.wRec, n, NEAR_ZERO),
                    WeightStatistics.totalAbsolute(params.wRec),
                    WeightStatistics.weightDistanceCorrelation(params.wRec, n, distance),
                    (System.nanoTime() - start) / 1e9);
            state.metricsRows().add(metrics.csvRow());
            state = new TrainingState(epoch, adam.firstMoment(), adam.secondMoment(), adam.step(), state.metricsRows());
            saveEpoch(state, params);
            log.printf(Locale.ROOT, "epoch %d/%d: task loss %.4f, regulariser %.4f, train acc %.3f, validation acc %.3f, "
                    + "%.1f Hz, %.0f%% of |w_rec| < 1e-3, corr(|W|, D) %.3f (%.1f s)%n", epoch, training.epochs(),
                    metrics.taskLoss(), metrics.regulariserLoss(), metrics.trainAccuracy(), validation,
                    metrics.meanRateHz(), 100 * metrics.fractionNearZero(), metrics.weightDistanceCorr(),
                    metrics.seconds());
        }
        EvaluationSet testSet = new EvaluationSet(data.test(), inputs, TrainingSeeds.stream(config.seed(), 0, 1,
                Purpose.EVALUATION), training.batchSize());
        Network trained = params.toNetwork(initial);
        Network evaluated = forward.forward(params).toNetwork(initial);
        long[][] confusion = testSet.confusion(evaluated, lossMask);
        writeConfusion(confusion);
        double test = EvaluationSet.accuracy(confusion);
        double validation = validationSet.accuracy(evaluated, lossMask);
        return new Result(trained, validation, test, state.metricsRows());
    }

    /** Accuracies of the trained network (as the forward transform presents it) on the fixed validation and test splits. */
    public record Result(Network network, double validationAccuracy, double testAccuracy,
            List<String> metricsRows) {
    }

    private EpochTotals trainEpoch(int epoch, TrialSet train, TaskInputs inputs, double[] lossMask, LearningRule rule,
            Regulariser regulariser, Params params, Adam adam) {
        ModelConfig.Training training = config.training();
        int trials = train.trials();
        int batchSize = Math.min(training.batchSize(), trials);
        int batches = (trials + batchSize - 1) / batchSize;
        int[] order = Permutations.random(trials, TrainingSeeds.stream(config.seed(), epoch, 0, Purpose.SHUFFLE));
        EpochTotals totals = new EpochTotals();
        try (ProgressBar bar = progressBar(epoch, batches)) {
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int[] indices = Arrays.copyOfRange(order, from, Math.min(trials, from + batchSize));
                TaskBatch batch = train.slice(indices);
                InputBatch input = inputs.encode(batch, TrainingSeeds.stream(config.seed(), epoch, b, Purpose.ENCODING),
                        TrainingSeeds.stream(config.seed(), epoch, b, Purpose.NOISE));
                BatchResult result = rule.run(forward.forward(params), input, batch.labels(), lossMask);
                Params gradients = result.gradients();
                double regulariserLoss = regulariser.addValueAndGradient(params.wRec, params.nRec, gradients.wRec);
                double loss = result.taskLoss() + result.rateLoss() + regulariserLoss;
                if (!Double.isFinite(loss) || !gradients.allFinite()) {
                    throw diverged(epoch, b, "the loss or its gradient is " + loss);
                }
                double clip = training.gradClipNorm();
                double norm = Math.sqrt(gradients.squaredNorm());
                if (clip > 0 && norm > clip) {
                    gradients.scale(clip / norm);
                }
                adam.update(params, gradients);
                if (!params.allFinite()) {
                    throw diverged(epoch, b, "a weight became non-finite");
                }
                totals.add(result, regulariserLoss, indices.length, input.steps());
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f acc %.2f", loss,
                            (double) result.correct() / indices.length));
                }
            }
        }
        return totals;
    }

    private ProgressBar progressBar(int epoch, int batches) {
        if (!progress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + config.training().epochs())
                .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setConsumer(
                        new ConsoleProgressBarConsumer(log)).build();
    }

    private UserError diverged(int epoch, int batch, String what) {
        return new UserError(String.format(Locale.ROOT, "training diverged at epoch %d, batch %d: %s. The last good "
                + "checkpoint is %s (epoch %d). Try a smaller training.learning_rate or set training.grad_clip_norm.",
                epoch, batch, what, out.resolve(String.format(Locale.ROOT, "epoch-%03d.npz", epoch - 1)), epoch - 1));
    }

    /** out/test-confusion.csv: the final test trials counted by true class (rows) and predicted class (columns). */
    private void writeConfusion(long[][] confusion) {
        StringBuilder csv = new StringBuilder("label");
        for (int predicted = 0; predicted < confusion.length; predicted++) {
            csv.append(",predicted_").append(predicted);
        }
        csv.append('\n');
        for (int label = 0; label < confusion.length; label++) {
            csv.append(label);
            for (long count : confusion[label]) {
                csv.append(',').append(count);
            }
            csv.append('\n');
        }
        Path file = out.resolve("test-confusion.csv");
        try {
            AtomicFiles.writeString(file, csv.toString());
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private void saveEpoch(TrainingState state, Params params) {
        Network network = params.toNetwork(initial);
        state.write(out.resolve(String.format(Locale.ROOT, "epoch-%03d.npz", state.epochsDone())), network);
        state.write(out.resolve("model.npz"), network);
        StringBuilder csv = new StringBuilder(EpochMetrics.HEADER).append('\n');
        state.metricsRows().forEach(row -> csv.append(row).append('\n'));
        try {
            AtomicFiles.writeString(out.resolve("metrics.csv"), csv.toString());
        } catch (IOException e) {
            throw new UserError(out.resolve("metrics.csv") + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Running sums over an epoch's batches. */
    private static final class EpochTotals {
        private double taskLoss;
        private double regulariserLoss;
        private double rateLoss;
        private long correct;
        private long trials;
        private long spikes;
        private long unitSteps;
        private int batches;

        void add(BatchResult result, double regulariser, int batchTrials, int steps) {
            taskLoss += result.taskLoss();
            rateLoss += result.rateLoss();
            regulariserLoss += regulariser;
            correct += result.correct();
            trials += batchTrials;
            spikes += result.spikes();
            unitSteps += (long) batchTrials * steps;
            batches++;
        }

        double taskLoss() {
            return taskLoss / batches;
        }

        double regulariserLoss() {
            return regulariserLoss / batches;
        }

        double rateLoss() {
            return rateLoss / batches;
        }

        double accuracy() {
            return (double) correct / trials;
        }

        double meanRateHz(double dtMs, int n) {
            return spikes / (unitSteps * (double) n * dtMs / 1000.0);
        }
    }
}
