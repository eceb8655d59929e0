package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.model.Activation;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;

/**
 * e-prop with symmetric feedback against BPTT with the gradient through the recurrent spikes (in the
 * recurrent input and in the reset) stopped (Bellec et al. 2020, Eq. 1 and Methods): two independent
 * computations of one quantity, one forward and online with eligibility traces, one backward over the
 * stored trajectory. In double precision they agree to rounding (1e-9 relative asked).
 */
class EpropBpttEquivalenceTest {
    private static final int N_IN = 4;
    private static final int N = 7;
    private static final int N_OUT = 3;
    private static final int STEPS = 60;
    private static final int BATCH = 3;

    /**
     * @param adaptive    "none" (LIF), "all" (ALIF) or "half"
     * @param sharedTau   one tau_m for all units (one presynaptic trace) or a different one per unit
     * @param lossWindow  steps at the end in the loss (STEPS: every step)
     * @param cReg        firing-rate regulariser coefficient (0: the task error alone)
     */
    @ParameterizedTest(name = "{0} units, n_ref {1}, {2}, shared tau_m {3}, loss window {4}, c_reg {5}, seed {6}")
    @CsvSource({
        "none, 0, triangle, true, 10, 0, 1",
        "none, 3, triangle, false, 60, 0, 2",
        "none, 2, fast_sigmoid, true, 10, 0.05, 3",
        "all, 0, triangle, true, 10, 0, 4",
        "all, 2, triangle, false, 10, 0.05, 5",
        "all, 0, multi_gaussian, false, 60, 0, 6",
        "half, 0, fast_sigmoid, false, 60, 0.05, 7",
        "half, 4, triangle, true, 25, 0, 8",
        "half, 1, multi_gaussian, true, 10, 0.05, 9",
    })
    void epropEqualsBpttWithStoppedRecurrentSpikes(String adaptive, int nRef, String kind, boolean sharedTau,
            int lossWindow, double cReg, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NeuronParams neurons = neurons(adaptive, nRef, sharedTau, random);
        Params p = new Params(N_IN, N, N_OUT);
        for (double[] array : p.arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] = 0.5 * random.nextGaussian();
            }
        }
        for (int j = 0; j < N; j++) {
            p.wRec[j * N + j] = 0;
            p.bRec[j] = 0.1;
        }
        InputBatch input = TestBatches.spikes(random, BATCH, STEPS, N_IN);
        int[] labels = {0, 2, 1};
        double[] mask = TestBatches.lastSteps(STEPS, lossWindow);
        Surrogate surrogate = switch (kind) {
            case "triangle" -> new Surrogate.Triangle(0.3);
            case "fast_sigmoid" -> new Surrogate.FastSigmoid(5.0);
            default -> new Surrogate.MultiGaussian(0.5);
        };

        BatchResult[] results = EpropStoppedBpttCheck.assertAgree(neurons, surrogate, p, input, labels, mask, cReg,
                seed, p.arrays().length);
        assertEquals(results[0].correct(), results[1].correct());
    }

    private static NeuronParams neurons(String adaptive, int nRef, boolean sharedTau, SplittableRandom random) {
        double[] tauM = new double[N];
        double[] tauA = new double[N];
        double[] beta = new double[N];
        double[] vTh = new double[N];
        int[] ref = new int[N];
        boolean[] excitatory = new boolean[N];
        for (int j = 0; j < N; j++) {
            tauM[j] = sharedTau ? 20.0 : 10 + 20 * random.nextDouble();
            tauA[j] = 50 + 200 * random.nextDouble();
            boolean adapts = adaptive.equals("all") || (adaptive.equals("half") && j % 2 == 0);
            beta[j] = adapts ? 0.2 + 0.2 * random.nextDouble() : 0.0;
            vTh[j] = 0.4 + 0.3 * random.nextDouble();
            ref[j] = nRef;
            excitatory[j] = true;
        }
        return NeuronParams.builder(NeuronType.ALIF, tauM.length).activation(Activation.RELU).dtMs(1.0).tauOutMs(20.0)
                .tauMMs(tauM).tauAMs(tauA).beta(beta).vTh(vTh).nRef(ref).excitatory(excitatory).build();
    }
}
