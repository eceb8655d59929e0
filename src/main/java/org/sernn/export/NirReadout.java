package org.sernn.export;

import static org.sernn.export.NirNodes.onlySuccessor;
import static org.sernn.export.NirNodes.param;
import static org.sernn.export.NirNodes.perUnit;
import static org.sernn.export.NirNodes.product;
import static org.sernn.export.NirNodes.refuse;
import static org.sernn.export.NirNodes.type;
import static org.sernn.export.NirWeights.WEIGHT_TYPES;
import static org.sernn.export.NirWeights.addBias;
import static org.sernn.export.NirWeights.identity;
import static org.sernn.export.NirWeights.scaleRows;
import static org.sernn.export.NirWeights.scaledEnd;
import static org.sernn.export.NirWeights.weight;

import java.util.Set;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;

/**
 * The readout: weights and bias (gain folded in) and tau_out, or, for a spiking output layer,
 * the layer with its unscaled incoming weights and bias.
 */
record NirReadout(DenseMatrix weights, double[] bias, double tauMs, NirSpikingLayer spiking) {
    NirReadout(DenseMatrix weights, double[] bias, double tauMs) {
        this(weights, bias, tauMs, null);
    }

    /** The readout that follows {@code population} through {@code weights} to {@code output}. */
    static NirReadout read(NirGraph graph, String population, String weights, String output, int n, double dt,
            NirDiscretisation scheme, String where, Set<String> visited) {
        if (weights == null) {
            throw new UserError(where + ": node " + population + " reaches no output");
        }
        if (weights.equals(output)) {
            int nOut = product(NirValues.flat(param(graph, output, "shape", where), where));
            return new NirReadout(identity(nOut, n, where, population, output), new double[nOut], 0.0);
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
            return new NirReadout(w, bias, 0.0);
        }
        if (NirSpikingLayer.TYPES.contains(type(graph, next))) {
            visited.add(next);
            if (!onlySuccessor(graph, next, where).equals(output)) {
                throw refuse(graph, onlySuccessor(graph, next, where), where, "the spiking output layer must feed the "
                        + "Output");
            }
            requireOutputShape(graph, output, nOut, where);
            return new NirReadout(w, bias, 0.0, NirSpikingLayer.read(graph, next, nOut, dt, scheme, where));
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
        return new NirReadout(scaleRows(w, gain), bias, scheme.tauMs(dt, tau[0], kappa));
    }

    static void requireOutputShape(NirGraph graph, String output, int nOut, String where) {
        int shape = product(NirValues.flat(param(graph, output, "shape", where), where));
        if (shape != nOut) {
            throw new UserError(where + ": node " + output + " (Output) has shape " + shape + " but receives " + nOut
                    + " values");
        }
    }
}
