package org.sernn.export;

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
    private static final Set<String> WEIGHT_TYPES = Set.of("Affine", "Linear");

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
                    throw new UserError(where + ": node " + population + " has two recurrent weight nodes (" + recurrent
                            + ", " + next + "); sernn has one recurrent matrix");
                }
                recurrent = next;
            } else if (readoutWeights == null) {
                readoutWeights = next;
            } else {
                throw new UserError(where + ": node " + population + " feeds both " + readoutWeights + " and " + next
                        + "; sernn has one readout");
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

        Readout readout = readout(graph, population, readoutWeights, output, n, dt, scheme, where, visited);
        for (String node : graph.nodes().keySet()) {
            if (!visited.contains(node)) {
                throw new UserError(where + ": node " + node + " has type " + type(graph, node) + ", which sernn cannot "
                        + "place: sernn imports Input -> Affine/Linear -> LIF/CubaLIF (with an Affine/Linear recurrent "
                        + "cycle) -> Affine/Linear -> LI, LIF or CubaLIF -> Output");
            }
        }
        List<String> approximations = new ArrayList<>(layer.resetNote(lif));
        Units units = new Units(layer, scaleRows(wIn, layer.gain()), scaleRows(wRec, layer.gain()),
                driveOf(layer, bRec));
        if (readout.spiking != null) {
            approximations.addAll(readout.spiking.resetNote(graph.nodes().get(readout.spiking.node())));
            approximations.add("node " + readout.spiking.node() + " (" + readout.spiking.type() + ", the spiking output "
                    + "layer) runs as " + readout.spiking.size() + " more recurrent units fed by the previous step's "
                    + "spikes: a one-step delay on the edge into it, so its spikes come one step later than in a "
                    + "same-step feed-forward simulator (snnTorch), and at step 0 it receives only its bias");
            units = units.withOutputLayer(readout.spiking, readout.weights, readout.bias);
        }
        int total = units.wRec.rows();
        // sernn's adaptation and refractory metadata (population only; appended output units have none).
        double[] beta = padded(metadataOr(lif, "adaptation_beta", n, 0.0, where), total, 0.0);
        double[] tauAMs = Arrays.stream(padded(metadataOr(lif, "adaptation_tau", n, 1.0, where), total, 1.0))
                .map(t -> t * 1000).toArray();
        int[] nRef = Arrays.stream(padded(metadataOr(lif, "refractory_steps", n, 0.0, where), total, 0.0))
                .mapToInt(v -> (int) v).toArray();
        boolean adaptive = Arrays.stream(beta).anyMatch(b -> b > 0);
        double dtMs = dt * 1000;
        double[] tauMMs = units.tauMemMs;
        double[] vTh = units.vTh;
        boolean[] excitatory = new boolean[total];
        Arrays.fill(excitatory, true);
        NeuronType type = adaptive ? NeuronType.ALIF : NeuronType.LIF;
        double tauOutMs = readout.spiking == null ? readout.tauMs : 0.0;
        NeuronParams params = NeuronParams.builder(type, tauMMs.length).activation(Activation.RELU).dtMs(dtMs)
                .tauOutMs(tauOutMs).tauMMs(tauMMs).tauAMs(tauAMs).beta(beta).vTh(vTh).nRef(nRef)
                .excitatory(excitatory).synapticDecay(units.alphaSyn).build();
        DenseMatrix wOut = readout.spiking == null ? readout.weights : units.outputSpikes();
        double[] bOut = readout.spiking == null ? readout.bias : new double[wOut.rows()];
        // Positions come with the network, so the config's layout is a box (a grid would fix the unit count).
        ModelConfig config = new ModelConfig(name, null, new ModelConfig.Sizes(nIn, total, wOut.rows()),
                new ModelConfig.Space(SpaceLayout.BOX, null, null, null, null),
                new ModelConfig.Neuron(type, adaptive ? 1.0 : 0.0, null, dtMs, tauMMs[0], tauAMs[0], beta[0], vTh[0],
                        nRef[0], tauOutMs, null), null, null, null, null);
        Network network = new Network(config, positions(lif, n, total, where), params, units.wIn, units.wRec, wOut,
                units.drive, bOut);
        return new NirImport(network, List.copyOf(approximations));
    }

    /**
     * The recurrent units being assembled: the population, and optionally a spiking output layer
     * appended after it (its input weights a block of W_rec, read from the previous step's spikes).
     */
    private record Units(double[] tauMemMs, double[] alphaSyn, double[] vTh, DenseMatrix wIn, DenseMatrix wRec,
            double[] drive, int nPopulation) {
        Units(NirSpikingLayer layer, DenseMatrix wIn, DenseMatrix wRec, double[] drive) {
            this(layer.tauMemMs(), layer.alphaSyn(), layer.vTh(), wIn, wRec, drive, layer.size());
        }

        /** @param weights (m, n) from the population to the layer, unscaled; bias (m) */
        Units withOutputLayer(NirSpikingLayer out, DenseMatrix weights, double[] bias) {
            int n = nPopulation;
            int m = out.size();
            int total = n + m;
            int nIn = wIn.cols();
            double[] in = new double[total * nIn];
            System.arraycopy(wIn.toArray(), 0, in, 0, n * nIn);
            double[] rec = new double[total * total];
            double[] fromPopulation = scaleRows(weights, out.gain()).toArray();
            for (int i = 0; i < n; i++) {
                System.arraycopy(wRec.toArray(), i * n, rec, i * total, n);
            }
            for (int k = 0; k < m; k++) {
                System.arraycopy(fromPopulation, k * n, rec, (n + k) * total, n);
            }
            return new Units(concat(tauMemMs, out.tauMemMs()), concat(alphaSyn, out.alphaSyn()), concat(vTh, out.vTh()),
                    DenseMatrix.of(total, nIn, in), DenseMatrix.of(total, total, rec), concat(drive, driveOf(out, bias)),
                    n);
        }

        /** The readout of an appended output layer: its units' spikes, W_out = [0 | I]. */
        DenseMatrix outputSpikes() {
            int total = wRec.rows();
            int m = total - nPopulation;
            double[] out = new double[m * total];
            for (int k = 0; k < m; k++) {
                out[k * total + nPopulation + k] = 1.0;
            }
            return DenseMatrix.of(m, total, out);
        }
    }

    /** The per-step constant drive of a layer's units: biases through the input gain, plus the leak. */
    private static double[] driveOf(NirSpikingLayer layer, double[] bias) {
        double[] out = new double[bias.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = layer.gain()[j] * bias[j] + layer.leakDrive()[j];
        }
        return out;
    }

    private static double[] padded(double[] values, int length, double fill) {
        double[] out = Arrays.copyOf(values, length);
        Arrays.fill(out, values.length, length, fill);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The readout: weights and bias (gain folded in) and tau_out, or, for a spiking output layer,
     * the layer with its unscaled incoming weights and bias.
     */
    private record Readout(DenseMatrix weights, double[] bias, double tauMs, NirSpikingLayer spiking) {
        Readout(DenseMatrix weights, double[] bias, double tauMs) {
            this(weights, bias, tauMs, null);
        }
    }

    private static Readout readout(NirGraph graph, String population, String weights, String output, int n, double dt,
            NirDiscretisation scheme, String where, Set<String> visited) {
        if (weights == null) {
            throw new UserError(where + ": node " + population + " reaches no output");
        }
        if (weights.equals(output)) {
            int nOut = product(NirValues.flat(param(graph, output, "shape", where), where));
            return new Readout(identity(nOut, n, where, population, output), new double[nOut], 0.0);
        }
        if (!WEIGHT_TYPES.contains(type(graph, weights))) {
            throw refuse(graph, weights, where, "after the recurrent population sernn expects Affine or Linear readout "
                    + "weights");
        }
        visited.add(weights);
        int nOut = NirValues.shape(param(graph, weights, "weight", where))[0];
        DenseMatrix w = weight(graph, weights, nOut, n, where);
        double[] bias = new double[nOut];
        addBias(graph, weights, bias, where);
        String end = scaledEnd(graph, weights);
        visited.add(end);
        String next = onlySuccessor(graph, end, where);
        if (next.equals(output)) {
            requireOutputShape(graph, output, nOut, where);
            return new Readout(w, bias, 0.0);
        }
        if (NirSpikingLayer.TYPES.contains(type(graph, next))) {
            visited.add(next);
            if (!onlySuccessor(graph, next, where).equals(output)) {
                throw refuse(graph, onlySuccessor(graph, next, where), where, "the spiking output layer must feed the "
                        + "Output");
            }
            requireOutputShape(graph, output, nOut, where);
            return new Readout(w, bias, 0.0, NirSpikingLayer.read(graph, next, nOut, dt, scheme, where));
        }
        if (!"LI".equals(type(graph, next))) {
            throw refuse(graph, next, where, "sernn's readout is leaky and non-spiking (LI), spiking (LIF, CubaLIF) "
                    + "or none");
        }
        visited.add(next);
        double[] tau = perUnit(graph, next, "tau", nOut, where);
        double[] r = perUnit(graph, next, "r", nOut, where);
        double[] vLeak = perUnit(graph, next, "v_leak", nOut, where);
        for (int o = 1; o < nOut; o++) {
            if (tau[o] != tau[0]) {
                throw new UserError(where + ": node " + next + " (LI) has per-unit tau; sernn's readout has one tau_out");
            }
        }
        if (!(tau[0] > 0)) {
            throw new UserError(where + ": node " + next + ": tau = " + tau[0] + "; it must be > 0 s");
        }
        double kappa = scheme.decay(dt, tau[0], where + ": node " + next);
        double[] gain = new double[nOut];
        for (int o = 0; o < nOut; o++) {
            gain[o] = NirSpikingLayer.unitGain(r[o] * (1 - kappa));
            bias[o] = gain[o] * bias[o] + (1 - kappa) * vLeak[o];
        }
        if (!onlySuccessor(graph, next, where).equals(output)) {
            throw refuse(graph, onlySuccessor(graph, next, where), where, "the LI readout must feed the Output");
        }
        requireOutputShape(graph, output, nOut, where);
        return new Readout(scaleRows(w, gain), bias, scheme.tauMs(dt, tau[0], kappa));
    }

    private static DenseMatrix scaleRows(DenseMatrix m, double[] gain) {
        double[] values = m.toArray();
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.cols(); col++) {
                values[row * m.cols() + col] *= gain[row];
            }
        }
        return DenseMatrix.of(m.rows(), m.cols(), values);
    }

    private static DenseMatrix weight(NirGraph graph, String node, int rows, int cols, String where) {
        Object value = param(graph, node, "weight", where);
        int[] shape = NirValues.shape(value);
        if (shape.length != 2 || shape[0] != rows || shape[1] != cols) {
            throw new UserError(where + ": node " + node + " (" + type(graph, node) + ") has weight of shape "
                    + Arrays.toString(shape) + ", expected [" + rows + ", " + cols + "] (out, in) to fit its neighbours");
        }
        double[] values = NirValues.flat(value, where + ": node " + node + " weight");
        requireFinite(values, where, node, "weight");
        return scaleRows(DenseMatrix.of(rows, cols, values), followingScale(graph, node, rows, where));
    }

    /** The Scale node right after weight node {@code node} (its only successor), else the node itself. */
    private static String scaledEnd(NirGraph graph, String node) {
        List<String> next = graph.successors(node);
        return next.size() == 1 && "Scale".equals(type(graph, next.get(0))) ? next.get(0) : node;
    }

    /** The per-row factors of the Scale node after {@code node} (a scalar broadcasts); all 1 without one. */
    private static double[] followingScale(NirGraph graph, String node, int rows, String where) {
        String end = scaledEnd(graph, node);
        if (end.equals(node)) {
            double[] ones = new double[rows];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return perUnit(graph, end, "scale", rows, where);
    }

    /** Adds an Affine node's bias (if any) into {@code into}; a bias of another length is refused. */
    private static void addBias(NirGraph graph, String node, double[] into, String where) {
        if (node == null || !"Affine".equals(type(graph, node))) {
            return;
        }
        double[] bias = NirValues.flat(param(graph, node, "bias", where), where + ": node " + node + " bias");
        if (bias.length != into.length) {
            throw new UserError(where + ": node " + node + " (Affine) has " + bias.length + " biases, expected "
                    + into.length);
        }
        requireFinite(bias, where, node, "bias");
        double[] scale = followingScale(graph, node, into.length, where);
        for (int i = 0; i < into.length; i++) {
            into[i] += scale[i] * bias[i];
        }
    }

    private static DenseMatrix identity(int rows, int cols, String where, String from, String to) {
        if (rows != cols) {
            throw new UserError(where + ": " + from + " (" + cols + ") connects straight to " + to + " (" + rows
                    + ") without weights, so their sizes must match");
        }
        double[] values = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            values[i * cols + i] = 1.0;
        }
        return DenseMatrix.of(rows, cols, values);
    }

    private static void requireOutputShape(NirGraph graph, String output, int nOut, String where) {
        int shape = product(NirValues.flat(param(graph, output, "shape", where), where));
        if (shape != nOut) {
            throw new UserError(where + ": node " + output + " (Output) has shape " + shape + " but receives " + nOut
                    + " values");
        }
    }

    private static double[] perUnit(NirGraph graph, String node, String key, int n, String where) {
        return NirSpikingLayer.perUnit(graph, node, key, n, where);
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

    private static void requireFinite(double[] values, String where, String node, String key) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserError(where + ": node " + node + " " + key + " holds " + v + "; only finite numbers");
            }
        }
    }

    private static Object param(NirGraph graph, String node, String key, String where) {
        Object value = graph.nodes().get(node).params().get(key);
        if (value == null) {
            throw new UserError(where + ": node " + node + " (" + type(graph, node) + ") has no parameter '" + key + "'");
        }
        return value;
    }

    private static String single(NirGraph graph, String type, String where) {
        List<String> found = graph.nodes().entrySet().stream().filter(e -> e.getValue().type().equals(type))
                .map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new UserError(where + ": sernn imports graphs with exactly one " + type + " node; found " + found.size()
                    + (found.isEmpty() ? "" : " " + found));
        }
        return found.get(0);
    }

    private static String onlySuccessor(NirGraph graph, String node, String where) {
        List<String> next = graph.successors(node);
        if (next.size() != 1) {
            throw new UserError(where + ": node " + node + " (" + type(graph, node) + ") leads to " + next.size()
                    + " nodes " + next + "; sernn expects exactly one here");
        }
        return next.get(0);
    }

    private static UserError refuse(NirGraph graph, String node, String where, String reason) {
        String type = type(graph, node);
        String why = switch (type) {
            case "CubaLI" -> " (a non-spiking synaptic readout; sernn's readout has no synaptic current)";
            case "IF" -> " (integrate-and-fire without a leak; sernn's units always leak)";
            default -> "";
        };
        return new UserError(where + ": node " + node + " has type " + type + why + "; " + reason);
    }

    private static String type(NirGraph graph, String node) {
        return graph.nodes().get(node).type();
    }

    private static int product(double[] shape) {
        int p = 1;
        for (double d : shape) {
            p *= (int) d;
        }
        return p;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
