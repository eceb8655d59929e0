package org.sernn.train;

import org.sernn.linalg.MatMul;
import org.sernn.sim.InputBatch;

/**
 * Pieces shared by the spiking and rate BPTT passes. Arrays are time-major: row (t * B + b) of a
 * (T * B, width) matrix holds trial b at step t, so a whole sequence is one GEMM operand.
 */
final class BpttKernels {
    private BpttKernels() {
    }

    /** x[(t * B + b) * nIn + k] from the trial-major input batch. */
    static double[] timeMajor(InputBatch input) {
        int batch = input.trials();
        int steps = input.steps();
        int channels = input.channels();
        double[] x = new double[batch * steps * channels];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(input.values(), input.offset(b, t), x, (t * batch + b) * channels, channels);
            }
        }
        return x;
    }

    /** b_rec + W_in x_t for every (t, b) row in one GEMM. */
    static double[] inputCurrents(double[] x, int rows, Params p) {
        double[] current = MatMul.timesTransposeOf(x, rows, p.nIn, p.wIn, p.nRec);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p.nRec; j++) {
                current[r * p.nRec + j] += p.bRec[j];
            }
        }
        return current;
    }

    /** The trajectory shifted one step later: row t holds row t - 1, row 0 is zero (the state before t = 0). */
    static double[] previousStep(double[] states, int batch, int width) {
        double[] previous = new double[states.length];
        System.arraycopy(states, 0, previous, batch * width, states.length - batch * width);
        return previous;
    }

    /**
     * Gradients of every weight given the adjoints: gradCurrent = dL/dI_t (T * B, n_rec) of the
     * recurrent input, gradDrive = dL/d(W_out s_t) (T * B, n_out) of the readout, for states s_t
     * feeding the readout and s_{t-1} the recurrence.
     */
    static Params weightGradients(Params p, int rows, double[] x, double[] states, int batch, double[] gradCurrent,
            double[] gradDrive, boolean noSelfConnections) {
        Params g = p.zerosLike();
        double[] previous = previousStep(states, batch, p.nRec);
        System.arraycopy(MatMul.transposeATimesB(gradCurrent, rows, p.nRec, previous, p.nRec), 0, g.wRec, 0,
                g.wRec.length);
        System.arraycopy(MatMul.transposeATimesB(gradCurrent, rows, p.nRec, x, p.nIn), 0, g.wIn, 0, g.wIn.length);
        System.arraycopy(MatMul.transposeATimesB(gradDrive, rows, p.nOut, states, p.nRec), 0, g.wOut, 0,
                g.wOut.length);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < p.nRec; j++) {
                g.bRec[j] += gradCurrent[r * p.nRec + j];
            }
            for (int o = 0; o < p.nOut; o++) {
                g.bOut[o] += gradDrive[r * p.nOut + o];
            }
        }
        if (noSelfConnections) {
            for (int j = 0; j < p.nRec; j++) {
                g.wRec[j * p.nRec + j] = 0.0;
            }
        }
        return g;
    }

    /** The (rows, cols) row-major matrix's transpose, so that a presynaptic unit's weights are contiguous. */
    static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
