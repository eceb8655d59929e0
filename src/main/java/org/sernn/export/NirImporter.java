package org.sernn.export;

import static org.sernn.export.NirNodes.named;
import static org.sernn.export.NirNodes.onlySuccessor;
import static org.sernn.export.NirNodes.param;
import static org.sernn.export.NirNodes.product;
import static org.sernn.export.NirNodes.refuse;
import static org.sernn.export.NirNodes.single;
import static org.sernn.export.NirNodes.type;
import static org.sernn.export.NirWeights.WEIGHT_TYPES;
import static org.sernn.export.NirWeights.addBias;
import static org.sernn.export.NirWeights.identity;
import static org.sernn.export.NirWeights.scaleRows;
import static org.sernn.export.NirWeights.scaledEnd;
import static org.sernn.export.NirWeights.weight;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Activation;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.model.SpaceLayout;
import org.sernn.space.Positions;

/**
 * A NIR graph as a sernn {@link Network}. Accepted shapes (after subgraphs are inlined):
 * <pre>
 *   Input -> [Affine|Linear] -> P -> [Affine|Linear -> [LI | LIF | CubaLIF]] -> Output
 *   P = LIF or CubaLIF, optionally with a recurrent cycle P -> Affine|Linear -> P
 * </pre>
 * where any weight node may be followed by a Scale node (folded into its rows: how sernn writes
 * quantised weights). The neurons are discretised at a step dt as {@link NirSpikingLayer} says
 * (each stage exact for an input held over the step, or forward Euler: {@link NirDiscretisation}),
 * the input gains folded into the incoming
 * weights and biases; a CubaLIF's synaptic current becomes the units' synapse (alpha_syn). An LI
 * readout maps the same way to sernn's leaky readout; without one the readout is W_out z_t (+ bias).
 * A spiking output layer (snnTorch's Braille network: fc2 -> lif2 -> output) is appended to the
 * recurrent units, its input weights a block of W_rec, and read out as its spikes (W_out = [0 | I]);
 * since W_rec acts on the previous step's spikes, the edge into it gets a one-step delay: its
 * spikes come one step later than in a same-step feed-forward simulator (snnTorch), and at step 0
 * it receives only its bias. Self-connections in the recurrent weights are kept.
 *
 * <p>Refused with the node's name and type: CubaLI, IF, I, Delay, convolutions, more than one
 * recurrent population, a CubaLIF with v_leak != 0. Approximated, and listed in
 * {@link NirImport#approximations()}: NIR's reset to v_reset becomes sernn's subtractive reset
 * (unless the file says it was written by sernn's subtractive units), and the output layer's delay.
 */
public final class NirImporter {
    private NirImporter() {
    }

    /** The network, and what of the graph sernn runs only approximately. */
    public record NirImport(Network network, List<String> approximations) {
    }

    /**
     * @param dtSeconds the step to discretise with; null takes the "dt" in the spiking node's metadata
     */
    public static NirImport read(Path file, Double dtSeconds) {
        return read(file, dtSeconds, NirDiscretisation.EXACT);
    }

    public static NirImport read(Path file, Double dtSeconds, NirDiscretisation scheme) {
        return fromGraph(NirFile.read(file), dtSeconds, scheme, file.toString(), stem(file));
    }

    public static NirImport fromGraph(NirGraph nested, Double dtSeconds, NirDiscretisation scheme, String where,
            String name) {
        NirGraph graph = nested.flattened(where);
        Set<String> visited = new LinkedHashSet<>();
        String input = single(graph, "Input", where);
        String output = single(graph, "Output", where);
        visited.add(input);
        visited.add(output);
        int nIn = product(NirValues.flat(param(graph, input, "shape", where), where + ": node " + input));

        String first = onlySuccessor(graph, input, where);
        String inWeights = WEIGHT_TYPES.contains(type(graph, first)) ? first : null;
        String inEnd = inWeights == null ? input : scaledEnd(graph, inWeights);
        String population = onlySuccessor(graph, inEnd, where);
        if (!NirSpikingLayer.TYPES.contains(type(graph, population))) {
            throw refuse(graph, population, where, "sernn needs a LIF or CubaLIF node as the recurrent population");
        }
        visited.add(population);
        NirNode lif = graph.nodes().get(population);
        // The population's size: the rows of its input weights, else the input's size (scalar parameters broadcast).
        int n = inWeights == null ? nIn : NirValues.shape(param(graph, inWeights, "weight", where))[0];
        if (inWeights != null) {
            visited.add(inWeights);
            visited.add(inEnd);
        }

        String recurrent = null;
        String readoutWeights = null;
        for (String next : graph.successors(population)) {
            if (WEIGHT_TYPES.contains(type(graph, next))
                    && graph.successors(scaledEnd(graph, next)).equals(List.of(population))) {
                if (recurrent != null) {
                    throw new UserError(where + ": node " + named(graph, population) + " has two recurrent weight nodes ("
                            + named(graph, recurrent) + ", " + named(graph, next) + "); sernn has one recurrent matrix");
                }
                recurrent = next;
            } else if (readoutWeights == null) {
                readoutWeights = next;
            } else {
                throw new UserError(where + ": node " + named(graph, population) + " feeds both "
                        + named(graph, readoutWeights) + " and " + named(graph, next) + "; sernn has one readout path "
                        + "(and one recurrent Affine/Linear node that feeds back into " + population + " alone)");
            }
        }
        if (recurrent != null) {
            visited.add(recurrent);
            visited.add(scaledEnd(graph, recurrent));
        }
        List<String> expectedIn = new ArrayList<>();
        expectedIn.add(inEnd);
        if (recurrent != null) {
            expectedIn.add(scaledEnd(graph, recurrent));
        }
        for (String pre : graph.predecessors(population)) {
            if (!expectedIn.contains(pre)) {
                throw new UserError(where + ": node " + pre + " (" + type(graph, pre) + ") also drives " + population
                        + "; sernn's units take only the input weights and one recurrent matrix");
            }
        }

        double dt = dtSeconds != null ? dtSeconds : metadataDt(lif, population, where);
        if (!(dt > 0)) {
            throw new UserError(where + ": dt must be > 0 s, was " + dt);
        }
        NirSpikingLayer layer = NirSpikingLayer.read(graph, population, n, dt, scheme, where);
        double[] bRec = new double[n];
        DenseMatrix wIn = inWeights == null ? identity(n, nIn, where, input, population)
                : weight(graph, inWeights, n, nIn, where);
        addBias(graph, inWeights, bRec, where);
        DenseMatrix wRec = recurrent == null ? DenseMatrix.zeros(n, n) : weight(graph, recurrent, n, n, where);
        addBias(graph, recurrent, bRec, where);

        NirReadout readout = NirReadout.read(graph, population, readoutWeights, output, n, dt, scheme, where, visited);
        for (String node : graph.nodes().keySet()) {
            if (!visited.contains(node)) {
                throw new UserError(where + ": node " + node + " has type " + type(graph, node) + ", which sernn cannot "
                        + "place: sernn imports Input -> Affine/Linear -> LIF/CubaLIF (with an Affine/Linear recurrent "
                        + "cycle) -> Affine/Linear -> LI, LIF or CubaLIF -> Output");
            }
        }
        List<String> approximations = new ArrayList<>(layer.resetNote(lif));
        NirUnits units = new NirUnits(layer, scaleRows(wIn, layer.gain()), scaleRows(wRec, layer.gain()),
                NirUnits.driveOf(layer, bRec));
        if (readout.spiking() != null) {
            approximations.addAll(readout.spiking().resetNote(graph.nodes().get(readout.spiking().node())));
            approximations.add("node " + readout.spiking().node() + " (" + readout.spiking().type() + ", the spiking output "
                    + "layer) runs as " + readout.spiking().size() + " more recurrent units fed by the previous step's "
                    + "spikes: a one-step delay on the edge into it, so its spikes come one step later than in a "
                    + "same-step feed-forward simulator (snnTorch), and at step 0 it receives only its bias");
            units = units.withOutputLayer(readout.spiking(), readout.weights(), readout.bias());
        }
        int total = units.wRec().rows();
        // sernn's adaptation and refractory metadata (population only; appended output units have none).
        double[] beta = padded(metadataOr(lif, "adaptation_beta", n, 0.0, where), total, 0.0);
        double[] tauAMs = Arrays.stream(padded(metadataOr(lif, "adaptation_tau", n, 1.0, where), total, 1.0))
                .map(t -> t * 1000).toArray();
        int[] nRef = Arrays.stream(padded(metadataOr(lif, "refractory_steps", n, 0.0, where), total, 0.0))
                .mapToInt(v -> (int) v).toArray();
        boolean adaptive = Arrays.stream(beta).anyMatch(b -> b > 0);
        double dtMs = dt * 1000;
        double[] tauMMs = units.tauMemMs();
        double[] vTh = units.vTh();
        boolean[] excitatory = new boolean[total];
        Arrays.fill(excitatory, true);
        NeuronType type = adaptive ? NeuronType.ALIF : NeuronType.LIF;
        double tauOutMs = readout.spiking() == null ? readout.tauMs() : 0.0;
        NeuronParams params = NeuronParams.builder(type, tauMMs.length).activation(Activation.RELU).dtMs(dtMs)
                .tauOutMs(tauOutMs).tauMMs(tauMMs).tauAMs(tauAMs).beta(beta).vTh(vTh).nRef(nRef)
                .excitatory(excitatory).synapticDecay(units.alphaSyn()).build();
        DenseMatrix wOut = readout.spiking() == null ? readout.weights() : units.outputSpikes();
        double[] bOut = readout.spiking() == null ? readout.bias() : new double[wOut.rows()];
        // Positions come with the network, so the config's layout is a box (a grid would fix the unit count).
        ModelConfig config = new ModelConfig(name, null, new ModelConfig.Sizes(nIn, total, wOut.rows()),
                new ModelConfig.Space(SpaceLayout.BOX, null, null, null, null),
                new ModelConfig.Neuron(type, adaptive ? 1.0 : 0.0, null, dtMs, tauMMs[0], tauAMs[0], beta[0], vTh[0],
                        nRef[0], tauOutMs, null), null, null, null, null);
        Network network = new Network(config, positions(lif, n, total, where), params, units.wIn(), units.wRec(), wOut,
                units.drive(), bOut);
        return new NirImport(network, List.copyOf(approximations));
    }

    private static double[] padded(double[] values, int length, double fill) {
        double[] out = Arrays.copyOf(values, length);
        Arrays.fill(out, values.length, length, fill);
        return out;
    }

    private static double[] metadataOr(NirNode node, String key, int n, double fallback, String where) {
        Object value = node.metadata().get(key);
        double[] values = value == null ? new double[] {fallback} : NirValues.flat(value, where + ": metadata " + key);
        if (values.length == 1) {
            double[] filled = new double[n];
            Arrays.fill(filled, values[0]);
            return filled;
        }
        if (values.length != n) {
            throw new UserError(where + ": metadata " + key + " has " + values.length + " values, expected " + n);
        }
        return values;
    }

    /** The units' positions from the metadata sernn writes; all at the origin when a file has none. */
    private static Positions positions(NirNode node, int n, int total, String where) {
        Object value = node.metadata().get("positions");
        if (value == null) {
            return new Positions(DenseMatrix.zeros(total, 3));
        }
        int[] shape = NirValues.shape(value);
        if (shape.length != 2 || shape[0] != n || shape[1] != 3) {
            throw new UserError(where + ": metadata positions has shape " + Arrays.toString(shape) + ", expected [" + n
                    + ", 3]");
        }
        double[] xyz = Arrays.copyOf(NirValues.flat(value, where + ": metadata positions"), total * 3);
        return new Positions(DenseMatrix.of(total, 3, xyz));
    }

    private static double metadataDt(NirNode node, String name, String where) {
        Object dt = node.metadata().get("dt");
        if (dt == null) {
            throw new UserError(where + ": node " + name + " records no dt in its metadata; give the time step "
                    + "(export --dt-ms MILLISECONDS) to discretise the graph with");
        }
        return NirValues.flat(dt, where + ": metadata dt")[0];
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
