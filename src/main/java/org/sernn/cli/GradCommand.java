package org.sernn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.sernn.UserError;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.LearningRuleKind;
import org.sernn.model.ModelConfig;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.TrainableParameter;
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
        Npz.write(out, dump(network, input, trials.labels(), inputs.lossMask(), distance, loss, gradients));
        System.out.printf(Locale.ROOT, "loss %.9g (task %.9g, rate %.3g, regulariser %.9g) over %d trials of %d steps; "
                + "wrote %s%n", loss, result.taskLoss(), result.rateLoss(), regulariser, batch, input.steps(), out);
        return 0;
    }

    private static Map<String, NpyArray> dump(Network network, InputBatch input, int[] labels, double[] lossMask,
            DenseMatrix distance, double loss, Params g) throws Exception {
        int n = network.nRec();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NpyArray.ofDoubles(input.values(), input.trials(), input.steps(), input.channels()));
        arrays.put("y", NpyArray.ofInts(labels, labels.length));
        arrays.put("loss_mask", NpyArray.ofDoubles(lossMask, lossMask.length));
        arrays.put("w_in", NpyArray.ofDoubles(network.wIn().toArray(), n, network.nIn()));
        arrays.put("w_rec", NpyArray.ofDoubles(network.wRec().toArray(), n, n));
        arrays.put("w_out", NpyArray.ofDoubles(network.wOut().toArray(), network.nOut(), n));
        arrays.put("b_rec", NpyArray.ofDoubles(network.bRec(), n));
        arrays.put("b_out", NpyArray.ofDoubles(network.bOut(), network.nOut()));
        arrays.put("distance", NpyArray.ofDoubles(distance.toArray(), n, n));
        arrays.putAll(NetworkCheckpoint.unitArrays(network.neurons()));
        arrays.put("loss", NpyArray.ofDoubles(new double[] {loss}));
        arrays.put("grad_w_in", NpyArray.ofDoubles(g.wIn, n, network.nIn()));
        arrays.put("grad_w_rec", NpyArray.ofDoubles(g.wRec, n, n));
        arrays.put("grad_w_out", NpyArray.ofDoubles(g.wOut, network.nOut(), n));
        arrays.put("grad_b_rec", NpyArray.ofDoubles(g.bRec, n));
        arrays.put("grad_b_out", NpyArray.ofDoubles(g.bOut, network.nOut()));
        if (g.neuron.length > 0) {
            // The neuron model's trainable per-unit parameters, with their gradients, under their own keys.
            Params values = Params.of(network);
            List<TrainableParameter> trainable = NeuronModels.spiking(network.neurons()).gradients(1.0)
                    .trainableParameters();
            for (int k = 0; k < trainable.size(); k++) {
                String key = trainable.get(k).key();
                arrays.put(key, NpyArray.ofDoubles(Arrays.copyOfRange(values.neuron, k * n, (k + 1) * n), n));
                arrays.put("grad_" + key, NpyArray.ofDoubles(Arrays.copyOfRange(g.neuron, k * n, (k + 1) * n), n));
            }
        }
        arrays.put("config", NpyArray.ofString(new ObjectMapper().writeValueAsString(dumpConfig(network))));
        return arrays;
    }

    /** The scalars an independent implementation needs (per-unit arrays are in the dump beside it). */
    private static Map<String, Object> dumpConfig(Network network) {
        ModelConfig config = network.config();
        ModelConfig.Neuron neuron = config.neuron();
        ModelConfig.Training training = config.training();
        Map<String, Object> neuronMap = new LinkedHashMap<>();
        neuronMap.put("type", neuron.type().name().toLowerCase(Locale.ROOT));
        neuronMap.put("activation", neuron.activation().name().toLowerCase(Locale.ROOT));
        neuronMap.put("dt", neuron.dtMs());
        neuronMap.put("tau_m", neuron.tauMMs());
        neuronMap.put("tau_a", neuron.tauAMs());
        neuronMap.put("tau_out", neuron.tauOutMs());
        neuronMap.put("v_th", neuron.vTh());
        neuronMap.put("beta", neuron.beta());
        neuronMap.put("n_ref", neuron.nRef());
        if (!neuron.learn().isEmpty()) {
            neuronMap.put("learn", neuron.learn()); // grad_tau_m_ms / grad_tau_a_ms are in the dump
        }
        ModelConfig.RegulariserSpec reg = training.regulariser();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("neuron", neuronMap);
        map.put("learning_rule", training.learningRule().name().toLowerCase(Locale.ROOT));
        map.put("feedback", training.eprop().feedback().name().toLowerCase(Locale.ROOT));
        map.put("surrogate", training.surrogate().kind().name().toLowerCase(Locale.ROOT));
        map.put("surrogate_gamma", training.surrogate().gamma());
        map.put("surrogate_slope", training.surrogate().slope());
        map.put("detach_reset", training.detachReset());
        map.put("reg_lambda", reg.lambda());
        map.put("regulariser", reg.kind().name().toLowerCase(Locale.ROOT));
        map.put("strength", reg.strength().name().toLowerCase(Locale.ROOT));
        map.put("comms_gradient", reg.gradient().name().toLowerCase(Locale.ROOT));
        map.put("comms_factor", reg.commsFactor());
        map.put("epsilon", reg.epsilon());
        map.put("rate_reg_c", training.rateRegulariser().cReg());
        map.put("rate_reg_target_hz", training.rateRegulariser().targetHz());
        return map;
    }

    private static Network withMethod(Network network, LearningRuleKind method) {
        ModelConfig c = network.config();
        ModelConfig config = c.withTraining(c.training().withLearningRule(method));
        return new Network(config, network.positions(), network.neurons(), network.wIn(), network.recurrentWeights(),
                network.wOut(), network.bRec(), network.bOut());
    }
}
