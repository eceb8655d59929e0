package org.sernn.export;

import static org.sernn.export.NirNodes.param;
import static org.sernn.export.NirNodes.perUnit;
import static org.sernn.export.NirNodes.requireFinite;
import static org.sernn.export.NirNodes.type;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;

/**
 * The weight nodes of a NIR graph as sernn matrices (out, in): Affine or Linear, each optionally
 * followed by a Scale node whose per-row factors are folded into its rows and bias.
 */
final class NirWeights {
    static final Set<String> WEIGHT_TYPES = Set.of("Affine", "Linear");

    private NirWeights() {
    }

    static DenseMatrix weight(NirGraph graph, String node, int rows, int cols, String where) {
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
    static String scaledEnd(NirGraph graph, String node) {
        List<String> next = graph.successors(node);
        return next.size() == 1 && "Scale".equals(type(graph, next.get(0))) ? next.get(0) : node;
    }

    /** The per-row factors of the Scale node after {@code node} (a scalar broadcasts); all 1 without one. */
    static double[] followingScale(NirGraph graph, String node, int rows, String where) {
        String end = scaledEnd(graph, node);
        if (end.equals(node)) {
            double[] ones = new double[rows];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        return perUnit(graph, end, "scale", rows, where);
    }

    /** Adds an Affine node's bias (if any) into {@code into}; a bias of another length is refused. */
    static void addBias(NirGraph graph, String node, double[] into, String where) {
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

    static DenseMatrix identity(int rows, int cols, String where, String from, String to) {
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

    static DenseMatrix scaleRows(DenseMatrix m, double[] gain) {
        double[] values = m.toArray();
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.cols(); col++) {
                values[row * m.cols() + col] *= gain[row];
            }
        }
        return DenseMatrix.of(m.rows(), m.cols(), values);
    }
}
