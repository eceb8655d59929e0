package org.sernn.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.sim.InputBatch;
import org.sernn.train.BatchResult;
import org.sernn.train.LearningRules;
import org.sernn.train.Params;
import org.sernn.train.Regulariser;
import org.sernn.train.TaskInputs;
import org.sernn.task.Task;
import org.sernn.task.TaskBatch;
import org.sernn.task.Tasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sernn grad MODEL --batch B --seed S --method bptt|eprop --out FILE.npz}: one batch's loss
 * and gradients, with everything needed to recompute them elsewhere (docs/formats.md, "Gradient dump").
 */
@Command(name = "grad", mixinStandardHelpOptions = true,
        description = "Writes one batch's inputs, labels, weights, loss and gradients to an .npz.")
public final class GradCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A checkpoint (.npz) or a config (.yaml).")
    Path model;

    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--batch", defaultValue = "8", description = "Trials in the batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the batch (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--method", defaultValue = "bptt", description = "bptt or eprop (default: ${DEFAULT-VALUE}).")
    LearningRuleKind method;

    @Option(names = "--out", required = true, description = "The .npz to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputPaths.file("--out", out);
        if (batch < 1) {
            throw new UserError("--batch must be at least 1, was " + batch);
        }
        Network network = withMethod(ModelSource.load(model, configOptions.overrides()), method);
        ModelConfig config = network.config();
        ModelConfig.TaskSpec spec = config.task() != null ? config.task()
                : ModelConfig.TaskSpec.DEFAULT;
        Task task = Tasks.of(spec, config.neuron().dtMs());
        TaskBatch trials = task.sample(batch, new SplittableRandom(seed));
        TaskInputs inputs = new TaskInputs(config.task() != null ? config : config.withTask(spec), task);
        InputBatch input = inputs.encodeWithoutNoise(trials, new SplittableRandom(seed + 1));
        Params params = Params.of(network);
        BatchResult result = LearningRules.of(network).run(params, input, trials.labels(), inputs.lossMask());
        DenseMatrix distance = network.positions().distanceMatrix();
        Params gradients = result.gradients();
        double regulariser = Regulariser.of(config.training().regulariser(), distance)
                .addValueAndGradient(params.wRec, params.nRec, gradients.wRec);
        double loss = result.taskLoss() + result.rateLoss() + regulariser;
        GradientDump.write(out, network, input, trials.labels(), inputs.lossMask(), distance, loss, gradients);
        System.out.printf(Locale.ROOT, "loss %.9g (task %.9g, rate %.3g, regulariser %.9g) over %d trials of %d steps; "
                + "wrote %s%n", loss, result.taskLoss(), result.rateLoss(), regulariser, batch, input.steps(), out);
        return 0;
    }

    private static Network withMethod(Network network, LearningRuleKind method) {
        ModelConfig c = network.config();
        ModelConfig config = c.withTraining(c.training().withLearningRule(method));
        return new Network(config, network.positions(), network.neurons(), network.wIn(), network.recurrentWeights(),
                network.wOut(), network.bRec(), network.bOut());
    }
}
