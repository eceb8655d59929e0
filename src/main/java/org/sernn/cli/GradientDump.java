package org.sernn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sernn.io.NpyArray;
import org.sernn.io.Npz;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkCheckpoint;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.TrainableParameter;
import org.sernn.sim.InputBatch;
import org.sernn.train.Params;

/**
 * The gradient dump of {@code sernn grad} (docs/formats.md, "Gradient dump"): one batch's inputs, labels,
 * weights, per-unit parameters, loss and gradients, with the scalars another implementation needs to recompute
 * them. Also written by the training benchmark, whose PyTorch peer loads the exact network and batch from it.
 */
public final class GradientDump {
    private GradientDump() {
    }

    /**
     * Writes the dump of one batch to {@code out} (atomically, as {@link Npz#write} does).
     *
     * @param network the network whose weights and per-unit parameters are dumped (its config gives the scalars)
     * @param input the batch's encoded input
     * @param labels one label per trial
     * @param lossMask the weight of each step in the loss
     * @param distance the distances between the recurrent units
     * @param loss task loss + firing-rate term + structural regulariser at these weights
     * @param g the gradient of {@code loss}
     */
    public static void write(Path out, Network network, InputBatch input, int[] labels, double[] lossMask,
            DenseMatrix distance, double loss, Params g) throws IOException {
        Npz.write(out, arrays(network, input, labels, lossMask, distance, loss, g));
    }

    private static Map<String, NpyArray> arrays(Network network, InputBatch input, int[] labels, double[] lossMask,
            DenseMatrix distance, double loss, Params g) throws IOException {
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
        arrays.put("config", NpyArray.ofString(new ObjectMapper().writeValueAsString(config(network))));
        return arrays;
    }

    /** The scalars an independent implementation needs (per-unit arrays are in the dump beside it). */
    private static Map<String, Object> config(Network network) {
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

}
