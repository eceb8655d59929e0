package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Activation;
import org.sernn.model.CommsGradient;
import org.sernn.model.ModelConfig;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.model.RegulariserKind;
import org.sernn.model.StrengthDirection;
import org.sernn.sim.InputBatch;
import org.sernn.space.GridLayout;

/**
 * The rate network's full gradient, seRNN regulariser included (through expm and the strengths),
 * against central finite differences of the total loss, in double precision.
 */
class RateGradientFiniteDifferenceTest {
    private static final int N_IN = 3;
    private static final int N_OUT = 2;
    private static final int STEPS = 12;
    private static final int BATCH = 4;

    @ParameterizedTest(name = "{0}, tau_out {1}")
    @CsvSource({"RELU, 0", "TANH, 0", "TANH, 20", "RELU, 15"})
    void fullGradientMatchesFiniteDifferences(Activation activation, double tauOutMs) {
        int n = 8;
        SplittableRandom random = new SplittableRandom(31);
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        NeuronParams neurons = NeuronParams.builder(NeuronType.RATE, n).activation(activation).dtMs(1.0)
                .tauOutMs(tauOutMs).tauMMs(ones.clone()).tauAMs(ones.clone()).beta(new double[n]).vTh(ones.clone())
                .nRef(new int[n]).excitatory(new boolean[n]).build();
        Params p = new Params(N_IN, n, N_OUT);
        for (double[] array : p.arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] = 0.5 * random.nextGaussian();
            }
        }
        double[] x = new double[BATCH * STEPS * N_IN];
        for (int i = 0; i < x.length; i++) { // half zeros: the input terms skip them
            x[i] = random.nextBoolean() ? 0.0 : random.nextDouble();
        }
        InputBatch input = new InputBatch(BATCH, STEPS, N_IN, x);
        int[] labels = {0, 1, 1, 0};
        double[] mask = new double[STEPS];
        mask[STEPS - 1] = 1.0;
        mask[STEPS - 2] = 0.5;
        DenseMatrix distance = GridLayout.positions(2, 2, 2).distanceMatrix();
        Regulariser regulariser = Regulariser.of(new ModelConfig.RegulariserSpec(RegulariserKind.SERNN, 0.05,
                StrengthDirection.OUT, CommsGradient.FULL, 1.0, 1e-12), distance);
        RateBptt bptt = new RateBptt(neurons);

        BatchResult result = bptt.run(p, input, labels, mask);
        Params analytic = result.gradients();
        regulariser.addValueAndGradient(p.wRec, n, analytic.wRec);

        double h = 1e-6;
        double[][] values = p.arrays();
        double[][] gradients = analytic.arrays();
        int checked = 0;
        for (int k = 0; k < values.length; k++) {
            for (int i = 0; i < values[k].length; i++) {
                double saved = values[k][i];
                values[k][i] = saved + h;
                double plus = totalLoss(bptt, regulariser, p, input, labels, mask);
                values[k][i] = saved - h;
                double minus = totalLoss(bptt, regulariser, p, input, labels, mask);
                values[k][i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, gradients[k][i], 1e-6 * Math.max(1.0, Math.abs(numeric)),
                        Params.NAMES[k] + "[" + i + "]");
                checked++;
            }
        }
        assertTrue(checked > 100);
    }

    private static double totalLoss(RateBptt bptt, Regulariser regulariser, Params p, InputBatch input, int[] labels,
            double[] mask) {
        return bptt.run(p, input, labels, mask).taskLoss() + regulariser.value(p.wRec, p.nRec);
    }
}
