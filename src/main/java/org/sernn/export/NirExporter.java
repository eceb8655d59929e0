package org.sernn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;

/**
 * A spiking sernn network as a NIR graph (docs/formats.md):
 * <pre>
 *   input (Input) -> w_in (Affine: W_in, b_rec) -> lif (LIF or CubaLIF) -> w_out (Affine: W_out, b_out) -> readout (LI) -> output
 *                                                  lif -> w_rec (Linear: W_rec) -> lif      (the recurrent cycle)
 * </pre>
 * Correspondence. NIR's LIF is tau dv/dt = (v_leak - v) + r I. Holding I constant over a step of dt
 * (zero-order hold, the exact solution for a piecewise-constant input) gives
 * v_t = alpha v_{t-1} + r (1 - alpha) I_t with alpha = exp(-dt / tau). sernn's unit is
 * v_t = alpha v_{t-1} + I_t (Bellec et al. 2020, no (1 - alpha) input factor), so sernn writes
 * tau = tau_m and r = 1 / (1 - alpha), v_leak = 0: the same discrete update exactly. A consumer that
 * integrates with forward Euler instead (snnTorch, Norse) gets decay 1 - dt/tau and input gain
 * r dt / tau = (dt/tau) / (1 - alpha), each within (dt/tau)^2 / 2 of sernn's (0.1% at dt 1 ms,
 * tau 20 ms); the alternative tau' = dt / (1 - alpha) with the same r would be exact for Euler and off
 * by as much for exact integrators. The leaky readout y_t = kappa y_{t-1} + W_out z_t + b_out is an
 * LI with tau = tau_out and r = 1 / (1 - kappa); with tau_out = 0 the readout is W_out z_t + b_out
 * and goes straight to the output. dt is in every neuron node's metadata. Units with a synaptic
 * current (s_t = alpha_syn s_{t-1} + I_t) are written as CubaLIF with tau_syn = -dt / ln(alpha_syn)
 * and w_in = 1 / (1 - alpha_syn), the same zero-order hold per stage ({@link NirSpikingLayer});
 * a unit without a synapse in such a network gets tau_syn = 0.
 *
 * <p>Approximated, and said so in metadata and in {@link NirExport#warnings()}: sernn resets by
 * subtracting v_th where NIR's LIF resets to v_reset (0 here); NIR has no adaptive threshold (ALIF:
 * beta, tau_a go to metadata, a consumer runs the units as plain LIF) and no refractory period
 * (n_ref goes to metadata). Quantised weights (a hardware profile's) are written as integers,
 * each weight node followed by a NIR Scale node with its scale(s) (one per matrix, or per row), so
 * that the graph still means the same network; the scales are also in the weight node's metadata.
 */
public final class NirExporter {
    private NirExporter() {
    }

    /** The graph, and the warnings a user must see about what a NIR consumer will not reproduce. */
    public record NirExport(NirGraph graph, List<String> warnings) {
    }

    public static NirExport toGraph(Network network) {
        return toGraph(network, null);
    }

    /** @param quantisation integer weights to write in place of the network's, or null */
    public static NirExport toGraph(Network network, Quantisation quantisation) {
        NeuronParams p = network.neurons();
        if (!p.type().isSpiking()) {
            throw new UserError("NIR export takes spiking networks; this one has " + p.type() + " units");
        }
        if (quantisation != null) {
            quantisation.requireShapes(network);
        }
        List<String> warnings = new ArrayList<>();
        p.statePrecision().ifPresent(precision -> warnings.add("the units' fixed-point state (v step "
                + precision.voltageStep() + ", limit " + precision.voltageLimit() + ") has no NIR parameter: a NIR "
                + "consumer integrates in floating point"));
        double dtSeconds = p.dtMs() / 1000.0;
        int n = network.nRec();

        Map<String, NirNode> nodes = new LinkedHashMap<>();
        List<NirEdge> edges = new ArrayList<>();
        nodes.put("input", NirNode.of("Input", NirValues.entries("shape", new long[] {network.nIn()}), Map.of()));
        edges.add(new NirEdge("input", "w_in"));
        String inEnd = weights(nodes, edges, "w_in", network.wIn(), network.bRec(), quantisation == null ? null
                : quantisation.wIn());
        NirNode lif = lif(p, warnings);
        Map<String, Object> lifMeta = new LinkedHashMap<>(lif.metadata());
        lifMeta.put("positions", NirValues.float64(network.positions().xyz().toArray(), n, 3));
        nodes.put("lif", NirNode.of(lif.type(), lif.params(), lifMeta));
        edges.add(new NirEdge(inEnd, "lif"));
        edges.add(new NirEdge("lif", "w_rec"));
        String recEnd = weights(nodes, edges, "w_rec", network.wRec(), null, quantisation == null ? null
                : quantisation.wRec());
        edges.add(new NirEdge(recEnd, "lif"));
        edges.add(new NirEdge("lif", "w_out"));
        String outEnd = weights(nodes, edges, "w_out", network.wOut(), network.bOut(), quantisation == null ? null
                : quantisation.wOut());
        if (p.tauOutMs() > 0) {
            double kappa = p.kappa();
            double[] tau = filled(network.nOut(), p.tauOutMs() / 1000.0);
            double[] r = filled(network.nOut(), 1 / (1 - kappa));
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("dt", dtSeconds);
            meta.put("discretisation", "zero-order hold: y_t = exp(-dt/tau) y_{t-1} + r (1 - exp(-dt/tau)) I_t");
            nodes.put("readout", NirNode.of("LI", NirValues.entries("tau", tau, "r", r, "v_leak", new double[network.nOut()]),
                    meta));
            edges.add(new NirEdge(outEnd, "readout"));
            edges.add(new NirEdge("readout", "output"));
        } else {
            edges.add(new NirEdge(outEnd, "output"));
        }
        nodes.put("output", NirNode.of("Output", NirValues.entries("shape", new long[] {network.nOut()}), Map.of()));
        return new NirExport(new NirGraph(nodes, edges), List.copyOf(warnings));
    }

    /**
     * Adds weight node {@code name} (Affine with {@code bias}, else Linear); quantised weights are
     * written as integers followed by a Scale node {@code name_scale} holding each row's scale, so
     * the graph still computes the real weights. Returns the node the weights leave from.
     */
    private static String weights(Map<String, NirNode> nodes, List<NirEdge> edges, String name, DenseMatrix real,
            double[] bias, QuantisedWeights quantised) {
        int rows = real.rows();
        int cols = real.cols();
        if (quantised == null) {
            Object weight = NirValues.float32(real.toArray(), rows, cols);
            nodes.put(name, bias == null ? NirNode.of("Linear", NirValues.entries("weight", weight), Map.of())
                    : NirNode.of("Affine", NirValues.entries("weight", weight, "bias", NirValues.float32(bias)), Map.of()));
            return name;
        }
        double[] scales = quantised.rowScales();
        Object weight = NirValues.float32(Arrays.stream(quantised.values()).asDoubleStream().toArray(), rows, cols);
        Map<String, Object> meta = NirValues.entries("weight_scale", quantised.scales(), "quantised", "integer weights; "
                + "real weight = weight * weight_scale (per row when there are several), applied by node " + name
                + "_scale");
        if (bias == null) {
            nodes.put(name, NirNode.of("Linear", NirValues.entries("weight", weight), meta));
        } else {
            // The bias passes through the Scale node too, so it is written divided by its row's scale.
            double[] unscaled = new double[rows];
            Arrays.setAll(unscaled, row -> bias[row] / scales[row]);
            nodes.put(name, NirNode.of("Affine", NirValues.entries("weight", weight, "bias", unscaled), meta));
        }
        nodes.put(name + "_scale", NirNode.of("Scale", NirValues.entries("scale", scales), Map.of()));
        edges.add(new NirEdge(name, name + "_scale"));
        return name + "_scale";
    }

    private static NirNode lif(NeuronParams p, List<String> warnings) {
        int n = p.size();
        double[] alpha = p.alpha();
        double[] tau = Arrays.stream(p.tauMMs()).map(ms -> ms / 1000.0).toArray();
        double[] r = Arrays.stream(alpha).map(a -> 1 / (1 - a)).toArray();
        boolean cuba = p.hasSynapses();
        double dtSeconds = p.dtMs() / 1000.0;
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dt", dtSeconds);
        if (cuba) {
            // tau_syn from alpha_syn = exp(-dt / tau_syn), 0 for a unit without synapse; w_in undoes (1 - alpha_syn).
            double[] alphaSyn = p.alphaSyn();
            params.put("tau_syn", Arrays.stream(alphaSyn).map(a -> a > 0 ? -dtSeconds / Math.log(a) : 0.0).toArray());
            params.put("tau_mem", tau);
            params.put("w_in", Arrays.stream(alphaSyn).map(a -> 1 / (1 - a)).toArray());
            meta.put("discretisation", "zero-order hold per stage: I_t = exp(-dt/tau_syn) I_{t-1} + w_in (1 - "
                    + "exp(-dt/tau_syn)) x_t, v_t = exp(-dt/tau_mem) v_{t-1} + r (1 - exp(-dt/tau_mem)) I_t; tau_syn = 0: "
                    + "no synapse");
        } else {
            params.put("tau", tau);
            meta.put("discretisation", "zero-order hold: v_t = exp(-dt/tau) v_{t-1} + r (1 - exp(-dt/tau)) I_t");
        }
        params.put("r", r);
        params.put("v_leak", new double[n]);
        params.put("v_threshold", p.vTh());
        params.put("v_reset", new double[n]);
        meta.put("reset", "subtract: sernn lowers v by v_threshold after a spike; a NIR LIF sets v to v_reset");
        warnings.add("NIR's LIF resets to v_reset; sernn subtracts v_threshold: a consumer's membrane after a spike "
                + "starts at 0 rather than at v - v_threshold");
        int adaptive = (int) Arrays.stream(p.beta()).filter(b -> b > 0).count();
        meta.put("adaptation_beta", p.beta());
        meta.put("adaptation_tau", Arrays.stream(p.tauAMs()).map(ms -> ms / 1000.0).toArray());
        if (adaptive > 0) {
            String text = adaptive + " of " + n + " units are adaptive (ALIF, beta > 0); NIR has no adaptive neuron, "
                    + "so they are written as LIF with beta and tau_adapt in the node's metadata: a NIR consumer runs "
                    + "them WITHOUT adaptation";
            meta.put("adaptation_warning", text);
            warnings.add(text);
        }
        long[] refractory = Arrays.stream(p.nRef()).asLongStream().toArray();
        meta.put("refractory_steps", refractory);
        if (Arrays.stream(refractory).anyMatch(steps -> steps > 0)) {
            String text = "refractory periods (up to " + Arrays.stream(refractory).max().orElse(0) + " steps) have no "
                    + "NIR parameter; they are in the metadata (refractory_steps) and a NIR consumer ignores them";
            meta.put("refractory_warning", text);
            warnings.add(text);
        }
        return NirNode.of(cuba ? "CubaLIF" : "LIF", params, meta);
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
