package org.sernn.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.io.AtomicFiles;
import org.sernn.io.NpyArray;
import org.sernn.linalg.BlasThreads;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.task.TrialSplits;
import org.sernn.train.TrainingSeeds.Purpose;

/**
 * Trains a network on its config's task (docs/learning.md): minibatches of the training
 * split in a seeded order, the learning rule's gradient plus the structural regulariser's, optional
 * norm clipping, Adam. After each epoch: validation accuracy, a metrics.csv row, epoch-NNN.npz and
 * model.npz (the latest, with optimiser state). After the last: the test accuracy and its confusion
 * matrix, test-confusion.csv. A non-finite loss, gradient or weight stops the run with a message;
 * the last good checkpoint stays as it was.
 */
public final class Trainer {
    private static final double NEAR_ZERO = 1e-3;
    /**
     * The files a training run writes into its folder (globs): a folder holding any of them holds a
     * run, which {@link org.sernn.io.RunFolder} protects from being mixed with another.
     */
    public static final List<String> RUN_FILES = List.of("model.npz", "epoch-*.npz", "metrics.csv",
            "test-confusion.csv");

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
        BlasThreads.forNetworkOf(initial.nRec());
        TrainingData trainingData = TrainingData.of(initial);
        TrialSplits data = trainingData.data();
        TaskInputs inputs = trainingData.inputs();
        double[] lossMask = trainingData.lossMask();
        ModelConfig.Training training = config.training();
        DenseMatrix distance = initial.positions().distanceMatrix();
        Regulariser regulariser = Regulariser.of(training.regulariser(), distance);
        EpochLoop loop = new EpochLoop(config, LearningRules.of(initial), regulariser, forward,
                epoch -> " The last good checkpoint is " + out.resolve(String.format(Locale.ROOT, "epoch-%03d.npz",
                        epoch - 1)) + " (epoch " + (epoch - 1) + ").");

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
            EpochTotals totals = loop.epoch(epoch, trainingData, params, adam, EpochLoop.WeightStore.IN_MEMORY,
                    progress ? log : null);
            double validation = validationSet.accuracy(forward.forward(params).toNetwork(initial), lossMask);
            int n = params.nRec;
            EpochMetrics metrics = new EpochMetrics(epoch, totals.taskLoss(), totals.regulariserLoss(),
                    totals.rateLoss(), totals.accuracy(), validation, totals.meanRateHz(initial.neurons().dtMs(), n),
                    WeightStatistics.fractionBelow(params.wRec, n, NEAR_ZERO),
                    WeightStatistics.totalAbsolute(params.wRec),
                    WeightStatistics.weightDistanceCorrelation(params.wRec, n, distance),
                    (System.nanoTime() - start) / 1e9);
            state.metricsRows().add(metrics);
            state = new TrainingState(epoch, adam.firstMoment(), adam.secondMoment(), adam.step(), state.metricsRows());
            saveEpoch(state, params);
            boolean spiking = initial.neurons().type().isSpiking();
            String firing = spiking ? String.format(Locale.ROOT, ", rate loss %.4f, %.1f Hz", metrics.rateLoss(),
                    metrics.meanRateHz()) : "";   // rate units have no firing rate to report
            log.printf(Locale.ROOT, "epoch %d/%d: task loss %.4f, regulariser %.4f%s, train acc %.3f, validation acc "
                    + "%.3f, %.0f%% of |w_rec| < 1e-3, corr(|W|, D) %.3f (%.1f s)%n", epoch, training.epochs(),
                    metrics.taskLoss(), metrics.regulariserLoss(), firing, metrics.trainAccuracy(), validation,
                    100 * metrics.fractionNearZero(), metrics.weightDistanceCorr(), metrics.seconds());
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
            List<EpochMetrics> metricsRows) {
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
        state.metricsRows().forEach(row -> csv.append(row.csvRow()).append('\n'));
        try {
            AtomicFiles.writeString(out.resolve("metrics.csv"), csv.toString());
        } catch (IOException e) {
            throw new UserError(out.resolve("metrics.csv") + ": cannot write: " + e.getMessage(), e);
        }
    }
}
