package org.sernn.neuron.adlif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.sim.InputBatch;
import org.sernn.train.BatchResult;
import org.sernn.train.Params;
import org.sernn.train.SpikingBptt;
import org.sernn.train.Surrogate;

/**
 * sernn's BPTT on adLIF networks against forward-mode differentiation of the plain reference
 * ({@link AdlifReference#rtrl}): the gradient by W_in, W_rec, W_out, b_rec, b_out and the per-unit
 * alpha, beta, a, b, to 1e-9 of the largest entry, for both discretisations.
 */
class AdlifBpttTest {
    private static final int N_IN = 3;
    private static final int N = 6;
    private static final int N_OUT = 2;
    private static final int STEPS = 40;
    private static final int BATCH = 2;

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
        Surrogate surrogate = kind.equals("boxcar") ? new Surrogate.Boxcar() : new Surrogate.FastSigmoid(5.0);
        DoubleUnaryOperator psi = x -> surrogate.derivative(x, 1.0);
        AdlifReference net = new AdlifReference(N_IN, N, N_OUT, 5.0, symplectic, seed);
        double[][][] x = inputs(seed);
        int[] labels = {0, 1};
        double[] mask = mask();
        double[] spikes = new double[1];
        double[] expected = net.rtrl(x, labels, mask, psi, detach, spikes);
        BatchResult result = new SpikingBptt(net.neuronParams(), surrogate, detach, 0.0, 10.0).run(net.params(),
                AdlifReference.batch(x), labels, mask);
        assertEquals((long) spikes[0], result.spikes(), "both forward passes spike alike");
        assertTrue(spikes[0] > 0.05 * BATCH * STEPS * N, "enough spikes: " + spikes[0]);
        double[] actual = flatten(result.gradients());
        double scale = 0;
        for (double g : expected) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 1e-3, "gradient is not trivially zero");
        int firstNeuronParameter = net.parameterCount() - 4 * N;
        double neuronScale = 0;
        int offRec = N * N_IN;
        for (int q = 0; q < expected.length; q++) {
            boolean diagonal = q >= offRec && q < offRec + N * N && (q - offRec) / N == (q - offRec) % N;
            assertEquals(diagonal ? 0.0 : expected[q], actual[q], 1e-9 * scale, "parameter " + q);
            if (q >= firstNeuronParameter) {
                neuronScale = Math.max(neuronScale, Math.abs(expected[q]));
            }
        }
        assertTrue(neuronScale > 1e-3, "alpha, beta, a, b receive gradient: " + neuronScale);
    }

    static double[][][] inputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed + 100);
        double[][][] x = new double[BATCH][STEPS][N_IN];
        for (double[][] trial : x) {
            for (double[] row : trial) {
                for (int k = 0; k < N_IN; k++) {
                    row[k] = random.nextDouble() < 0.4 ? 1.0 : 0.0;
                }
            }
        }
        return x;
    }

    static double[] mask() {
        double[] mask = new double[STEPS];
        for (int t = STEPS - 12; t < STEPS; t++) {
            mask[t] = 1.0;
        }
        return mask;
    }

    /** Weights then per-unit parameters (Params.arrays() order), as the reference orders them. */
    static double[] flatten(Params p) {
        double[] flat = new double[p.wIn.length + p.wRec.length + p.wOut.length + p.bRec.length + p.bOut.length
                + p.neuron.length];
        int offset = 0;
        for (double[] array : p.arrays()) {
            System.arraycopy(array, 0, flat, offset, array.length);
            offset += array.length;
        }
        return flat;
    }
}
