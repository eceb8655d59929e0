package org.sernn.neuron.adlif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backpropagation through time assembled from {@link AdlifUnits} and {@link AdlifAdjoint} against
 * forward-mode differentiation of the plain reference ({@link AdlifReference#rtrl}): the gradient by
 * W_in, W_rec, W_out, b_rec, b_out and the per-unit alpha, beta, a, b, to 1e-9 of its largest entry.
 */
class AdlifAdjointTest {
    private static final int N_IN = 3;
    private static final int N = 6;
    private static final int N_OUT = 2;
    private static final int STEPS = 40;
    private static final int BATCH = 2;
    private static final DoubleUnaryOperator BOXCAR = x -> x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
    private static final DoubleUnaryOperator FAST_SIGMOID = x -> 1 / ((5 * Math.abs(x) + 1) * (5 * Math.abs(x) + 1));

    @ParameterizedTest(name = "seed {0}, symplectic {1}, {2}, detach reset {3}")
    @CsvSource({
        "1, false, boxcar, false",
        "2, true, boxcar, false",
        "7, false, fast_sigmoid, false",
        "8, true, fast_sigmoid, false",
        "5, false, fast_sigmoid, true",
        "6, true, fast_sigmoid, true",
    })
    void bpttEqualsForwardModeDifferentiation(long seed, boolean symplectic, String kind, boolean detach) {
        DoubleUnaryOperator psi = kind.equals("boxcar") ? BOXCAR : FAST_SIGMOID;
        AdlifReference net = new AdlifReference(N_IN, N, N_OUT, 0.8, symplectic, seed);
        SplittableRandom random = new SplittableRandom(seed + 100);
        double[][][] x = new double[BATCH][STEPS][N_IN];
        for (double[][] trial : x) {
            for (double[] row : trial) {
                for (int k = 0; k < N_IN; k++) {
                    row[k] = random.nextDouble() < 0.4 ? 1.0 : 0.0;
                }
            }
        }
        int[] labels = {0, 1};
        double[] mask = new double[STEPS];
        for (int t = STEPS - 12; t < STEPS; t++) {
            mask[t] = 1.0;
        }
        double[] spikes = new double[1];
        double[] expected = net.rtrl(x, labels, mask, psi, detach, spikes);
        double[] actual = bptt(net, x, labels, mask, psi, detach);
        assertTrue(spikes[0] > 0.05 * BATCH * STEPS * N, "enough spikes: " + spikes[0]);
        double scale = 0;
        for (double g : expected) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 1e-3, "gradient is not trivially zero");
        int firstNeuronParameter = net.parameterCount() - 4 * N;
        double neuronScale = 0;
        for (int q = 0; q < expected.length; q++) {
            assertEquals(expected[q], actual[q], 1e-9 * scale, "parameter " + q);
            if (q >= firstNeuronParameter) {
                neuronScale = Math.max(neuronScale, Math.abs(expected[q]));
            }
        }
        assertTrue(neuronScale > 1e-3, "alpha, beta, a, b receive gradient: " + neuronScale);
    }

    /** Forward with AdlifUnits, backward with AdlifAdjoint; the rest (currents, readout, loss) by hand. */
    private static double[] bptt(AdlifReference net, double[][][] x, int[] labels, double[] mask,
            DoubleUnaryOperator psiOf, boolean detach) {
        int n = net.n;
        int nOut = net.nOut;
        AdlifParameters params = net.parameters();
        AdlifUnits units = new AdlifUnits(params);
        AdlifAdjoint adjoint = new AdlifAdjoint(params, detach);
        double[] grad = new double[net.parameterCount()];
        int q0Rec = net.wIn.length;
        int q0Out = q0Rec + net.wRec.length;
        int q0BRec = q0Out + net.wOut.length;
        int q0BOut = q0BRec + n;
        int q0Alpha = q0BOut + nOut;
        AdlifGradients sums = AdlifGradients.zeros(n);
        for (int trial = 0; trial < x.length; trial++) {
            AdlifTrajectory trajectory = AdlifTrajectory.of(STEPS, n);
            AdlifUnits.State state = units.newState(1);
            double[] current = new double[n];
            double[][] y = new double[STEPS][nOut];
            for (int t = 0; t < STEPS; t++) {
                for (int j = 0; j < n; j++) {
                    current[j] = net.bRec[j];
                    for (int k = 0; k < N_IN; k++) {
                        current[j] += net.wIn[j * N_IN + k] * x[trial][t][k];
                    }
                    for (int i = 0; i < n; i++) {
                        current[j] += net.wRec[j * n + i] * (t > 0 ? trajectory.spikes()[(t - 1) * n + i] : 0.0);
                    }
                }
                units.step(state, 0, current, 0);
                trajectory.record(state, 0, current, 0, t * n);
                for (int o = 0; o < nOut; o++) {
                    y[t][o] = (t > 0 ? net.kappa * y[t - 1][o] : 0.0) + net.bOut[o];
                    for (int j = 0; j < n; j++) {
                        y[t][o] += net.wOut[o * n + j] * trajectory.spikes()[t * n + j];
                    }
                }
            }
            // dL/dy_t, then back through the readout's leak.
            double[][] gy = new double[STEPS][nOut];
            for (int t = STEPS - 1; t >= 0; t--) {
                if (mask[t] != 0) {
                    double max = Math.max(y[t][0], y[t][1]);
                    double sum = Math.exp(y[t][0] - max) + Math.exp(y[t][1] - max);
                    for (int o = 0; o < nOut; o++) {
                        gy[t][o] = mask[t] * (Math.exp(y[t][o] - max) / sum - (o == labels[trial] ? 1 : 0)) / x.length;
                    }
                }
                if (t < STEPS - 1) {
                    for (int o = 0; o < nOut; o++) {
                        gy[t][o] += net.kappa * gy[t + 1][o];
                    }
                }
            }
            double[] gu = new double[n];
            double[] gw = new double[n];
            double[] gCurrent = new double[n];
            double[] gCurrentNext = new double[n];
            double[] external = new double[n];
            double[] psi = new double[n];
            for (int t = STEPS - 1; t >= 0; t--) {
                for (int j = 0; j < n; j++) {
                    psi[j] = psiOf.applyAsDouble(trajectory.membrane()[t * n + j] - 1.0);
                    external[j] = 0;
                    for (int o = 0; o < nOut; o++) {
                        external[j] += net.wOut[o * n + j] * gy[t][o];
                    }
                    for (int i = 0; i < n; i++) {
                        external[j] += net.wRec[i * n + j] * gCurrentNext[i];
                    }
                }
                adjoint.step(psi, 0, external, 0, trajectory, t * n, t > 0 ? (t - 1) * n : -1, gu, gw, gCurrent, sums);
                for (int j = 0; j < n; j++) {
                    grad[q0BRec + j] += gCurrent[j];
                    for (int k = 0; k < N_IN; k++) {
                        grad[j * N_IN + k] += gCurrent[j] * x[trial][t][k];
                    }
                    for (int i = 0; t > 0 && i < n; i++) {
                        grad[q0Rec + j * n + i] += gCurrent[j] * trajectory.spikes()[(t - 1) * n + i];
                    }
                }
                for (int o = 0; o < nOut; o++) {
                    grad[q0BOut + o] += gy[t][o];
                    for (int j = 0; j < n; j++) {
                        grad[q0Out + o * n + j] += gy[t][o] * trajectory.spikes()[t * n + j];
                    }
                }
                System.arraycopy(gCurrent, 0, gCurrentNext, 0, n);
            }
        }
        double[][] neuron = {sums.alpha(), sums.beta(), sums.a(), sums.b()};
        for (int p = 0; p < 4; p++) {
            System.arraycopy(neuron[p], 0, grad, q0Alpha + p * n, n);
        }
        return grad;
    }
}
