package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.model.UnitParameter;
import org.sernn.neuron.NeuronModels;
import org.sernn.sim.InputBatch;

/**
 * e-prop on adLIF units (their two-variable eligibility traces) against BPTT with the gradient
 * through the recurrent spikes and the reset stopped, as {@link EpropBpttEquivalenceTest} does for
 * ALIF: the weight gradients agree to 1e-9 of their largest entry. e-prop does not learn adLIF's
 * per-unit parameters (their gradient stays zero).
 */
class AdlifEpropEquivalenceTest {
    private static final int N_IN = 4;
    private static final int N = 7;
    private static final int N_OUT = 3;
    private static final int STEPS = 60;
    private static final int BATCH = 3;

    @ParameterizedTest(name = "{0}, {1}, loss window {2}, c_reg {3}, seed {4}")
    @CsvSource({
        "adlif, boxcar, 10, 0, 1",
        "adlif, fast_sigmoid, 60, 0.05, 2",
        "adlif_symplectic, boxcar, 10, 0.05, 3",
        "adlif_symplectic, fast_sigmoid, 60, 0, 14",
    })
    void epropEqualsBpttWithStoppedRecurrentSpikes(String type, String kind, int lossWindow, double cReg,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NeuronParams neurons = adlifUnits(NeuronType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), random);
        Params p = new Params(N_IN, N, N_OUT, 4 * N);
        double[] trained = NeuronModels.spiking(neurons).trainableValues();
        System.arraycopy(trained, 0, p.neuron, 0, trained.length);
        // adLIF units with a >= 0 pull their membrane back strongly (u* = I (1 - beta) / (1 - beta + a)):
        // they need large input weights to spike.
        double[][] arrays = {p.wIn, p.wRec, p.wOut, p.bOut};
        double[] gains = {12, 4, 1.5, 1.5};
        for (int k = 0; k < arrays.length; k++) {
            for (int i = 0; i < arrays[k].length; i++) {
                arrays[k][i] = gains[k] * random.nextGaussian();
            }
        }
        for (int j = 0; j < N; j++) {
            p.wRec[j * N + j] = 0;
            p.bRec[j] = 0.5;
        }
        InputBatch input = TestBatches.spikes(random, BATCH, STEPS, N_IN);
        int[] labels = {0, 2, 1};
        double[] mask = TestBatches.lastSteps(STEPS, lossWindow);
        Surrogate surrogate = kind.equals("boxcar") ? new Surrogate.Boxcar() : new Surrogate.FastSigmoid(5.0);

        BatchResult eprop = EpropStoppedBpttCheck.assertAgree(neurons, surrogate, p, input, labels, mask, cReg, seed,
                5)[1];
        for (double g : eprop.gradients().neuron) {
            assertEquals(0.0, g, "e-prop leaves alpha, rho, a, b where they are");
        }
    }

    /** adLIF units with sparch-like parameters: tau_m in [5, 25] ms, tau_a in [30, 120] ms, a in [0, 1], b in [0, 2]. */
    static NeuronParams adlifUnits(NeuronType type, SplittableRandom random) {
        double[] tauM = new double[N];
        double[] tauA = new double[N];
        double[] a = new double[N];
        double[] b = new double[N];
        for (int j = 0; j < N; j++) {
            tauM[j] = 5 + 20 * random.nextDouble();
            tauA[j] = 30 + 90 * random.nextDouble();
            a[j] = random.nextDouble();
            b[j] = 2 * random.nextDouble();
        }
        UnitParameter aKey = type.extraParameters().get(0);
        UnitParameter bKey = type.extraParameters().get(1);
        return NeuronParams.builder(type, N).dtMs(1.0).tauOutMs(20.0).tauMMs(tauM).tauAMs(tauA).vTh(1.0)
                .extra(aKey, a).extra(bKey, b).build();
    }
}
