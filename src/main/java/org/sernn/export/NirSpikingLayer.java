package org.sernn.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sernn.UserError;

/**
 * The per-unit parameters of a NIR LIF or CubaLIF node discretised at a step dt (docs/formats.md),
 * in the form of sernn's units (SpikingUnits):
 * <pre>
 *   LIF:      tau dv/dt = (v_leak - v) + r I
 *   CubaLIF:  tau_syn dI_s/dt = -I_s + w_in I,   tau_mem dv/dt = (v_leak - v) + r I_s
 * </pre>
 * Each stage is discretised in turn, by default exactly for an input held over the step
 * (zero-order hold; {@link NirDiscretisation}): alpha = exp(-dt / tau_mem), alpha_syn =
 * exp(-dt / tau_syn) (0 for a LIF, or for tau_syn = 0), and I_s,t = alpha_syn I_s,t-1 + w_in
 * (1 - alpha_syn) I_t, v_t = alpha v_{t-1} + r (1 - alpha) I_s,t. Scaling I_s by r (1 - alpha) makes
 * it sernn's s_t, so the gain r (1 - alpha) w_in (1 - alpha_syn) goes into each unit's incoming
 * weights and biases. With forward Euler (snnTorch, Norse) the decays are 1 - dt/tau instead, the
 * rest the same.
 *
 * <p>Refused: v_leak != 0 on a CubaLIF (a leak towards v_leak would enter the membrane behind the
 * synapse, which sernn's units cannot express). Approximated: the reset (see {@link #resetNote}).
 *
 * @param gain       factor on every weight and bias into each unit
 * @param leakDrive  constant drive (1 - alpha) v_leak per step (LIF only)
 */
record NirSpikingLayer(String node, String type, double[] tauMemMs, double[] alphaSyn, double[] vTh,
        double[] vReset, double[] gain, double[] leakDrive) {
    static final Set<String> TYPES = Set.of("LIF", "CubaLIF");

    int size() {
        return vTh.length;
    }

    static NirSpikingLayer read(NirGraph graph, String node, int n, double dtSeconds, NirDiscretisation scheme,
            String where) {
        NirNode nir = graph.nodes().get(node);
        String type = nir.type();
        if (!TYPES.contains(type)) {
            throw new UserError(where + ": node " + node + " has type " + type + "; sernn's spiking units import from "
                    + "LIF or CubaLIF");
        }
        boolean cuba = type.equals("CubaLIF");
        double[] tau = perUnit(graph, node, cuba ? "tau_mem" : "tau", n, where);
        double[] r = perUnit(graph, node, "r", n, where);
        double[] vLeak = perUnit(graph, node, "v_leak", n, where);
        double[] vTh = perUnit(graph, node, "v_threshold", n, where);
        double[] vReset = nir.params().containsKey("v_reset") ? perUnit(graph, node, "v_reset", n, where)
                : new double[n];
        double[] tauSyn = cuba ? perUnit(graph, node, "tau_syn", n, where) : new double[n];
        double[] wIn = cuba ? perUnit(graph, node, "w_in", n, where) : ones(n);
        double[] alphaSyn = new double[n];
        double[] gain = new double[n];
        double[] leak = new double[n];
        double[] tauMs = new double[n];
        for (int j = 0; j < n; j++) {
            if (!(tau[j] > 0)) {
                throw new UserError(where + ": node " + node + ": " + (cuba ? "tau_mem" : "tau") + "[" + j + "] = "
                        + tau[j] + "; it must be > 0 s");
            }
            if (!(tauSyn[j] >= 0)) {
                throw new UserError(where + ": node " + node + ": tau_syn[" + j + "] = " + tauSyn[j]
                        + "; it must be >= 0 s");
            }
            if (cuba && vLeak[j] != 0) {
                throw new UserError(where + ": node " + node + " (CubaLIF): v_leak[" + j + "] = " + vLeak[j] + "; sernn "
                        + "imports CubaLIF only with v_leak = 0 (its leak target would act behind the synapse)");
            }
            String at = where + ": node " + node;
            double alpha = scheme.decay(dtSeconds, tau[j], at);
            alphaSyn[j] = tauSyn[j] > 0 ? scheme.decay(dtSeconds, tauSyn[j], at) : 0.0;
            gain[j] = unitGain(r[j] * (1 - alpha) * wIn[j] * (1 - alphaSyn[j]));
            leak[j] = (1 - alpha) * vLeak[j];
            tauMs[j] = scheme.tauMs(dtSeconds, tau[j], alpha);
        }
        return new NirSpikingLayer(node, type, tauMs, alphaSyn, vTh, vReset, gain, leak);
    }

    /** What sernn's subtractive reset changes, unless the node says it was written by sernn's units. */
    List<String> resetNote(NirNode nir) {
        List<String> notes = new ArrayList<>();
        boolean subtractive = nir.metadata().get("reset") instanceof String s && s.startsWith("subtract");
        boolean zero = Arrays.stream(vReset).allMatch(v -> v == 0.0);
        if (!subtractive) {
            notes.add("node " + node + ": NIR resets v to v_reset" + (zero ? " (0)" : "") + " after a spike; sernn "
                    + "subtracts v_threshold at the next step (the membrane keeps what exceeded the threshold)");
        } else if (!zero) {
            notes.add("node " + node + ": v_reset is not 0 but sernn's reset subtracts v_threshold");
        }
        return notes;
    }

    /** A gain within rounding of 1 (sernn's own r = 1 / (1 - alpha)) is taken as exactly 1. */
    static double unitGain(double gain) {
        return Math.abs(gain - 1) <= 1e-12 ? 1.0 : gain;
    }

    /** One value per unit from a parameter of n values or a scalar (broadcast). */
    static double[] perUnit(NirGraph graph, String node, String key, int n, String where) {
        Object value = graph.nodes().get(node).params().get(key);
        if (value == null) {
            throw new UserError(where + ": node " + node + " (" + graph.nodes().get(node).type() + ") has no parameter '"
                    + key + "'");
        }
        double[] values = NirValues.flat(value, where + ": node " + node + " " + key);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new UserError(where + ": node " + node + " " + key + " holds " + v + "; only finite numbers");
            }
        }
        if (values.length == 1 && n > 1) {
            double[] filled = new double[n];
            Arrays.fill(filled, values[0]);
            return filled;
        }
        if (values.length != n) {
            throw new UserError(where + ": node " + node + " (" + graph.nodes().get(node).type() + ") has "
                    + values.length + " values of " + key + ", expected " + n + " (one per unit) or 1");
        }
        return values;
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        Arrays.fill(out, 1.0);
        return out;
    }
}
