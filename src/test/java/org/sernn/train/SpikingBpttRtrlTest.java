package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.model.Activation;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;

/**
 * The ALIF BPTT gradient against forward-mode differentiation (real-time recurrent learning) of the
 * same surrogate-gradient model, written from the equations alone ({@link AlifRtrl}): every state
 * carries its derivative with respect to every parameter forward in time. Two independent
 * computations of one quantity; in double precision they agree to rounding (1e-9 relative asked).
 */
class SpikingBpttRtrlTest {
    private static final int N_IN = 3;
    private static final int N = 5;
    private static final int N_OUT = 2;
    private static final int STEPS = 40;
    private static final int BATCH = 3;
    private static final double DT_MS = 1.0;

    record Problem(NeuronParams neurons, Params params, InputBatch input, int[] labels, double[] mask) {
    }

    static Problem problem(long seed, int nRef, double kappaTauMs) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] tauM = new double[N];
        double[] tauA = new double[N];
        double[] beta = new double[N];
        double[] vTh = new double[N];
        int[] ref = new int[N];
        boolean[] exc = new boolean[N];
        for (int j = 0; j < N; j++) {
            tauM[j] = 10 + 20 * random.nextDouble();
            tauA[j] = 50 + 200 * random.nextDouble();
            beta[j] = j % 2 == 0 ? 0.3 : 0.0;
            vTh[j] = 0.4 + 0.3 * random.nextDouble();
            ref[j] = nRef;
            exc[j] = true;
        }
        NeuronParams neurons = NeuronParams.builder(NeuronType.ALIF, N).activation(Activation.RELU).dtMs(DT_MS)
                .tauOutMs(kappaTauMs).tauMMs(tauM).tauAMs(tauA).beta(beta).vTh(vTh).nRef(ref).excitatory(exc).build();
        Params p = new Params(N_IN, N, N_OUT);
        for (double[] array : p.arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] = 0.6 * random.nextGaussian();
            }
        }
        for (int j = 0; j < N; j++) {
            p.wRec[j * N + j] = 0;
            p.bRec[j] = 0.05;
        }
        InputBatch input = TestBatches.spikes(random, BATCH, STEPS, N_IN);
        int[] labels = {0, 1, 1};
        double[] mask = new double[STEPS];
        for (int t = STEPS - 10; t < STEPS; t++) {
            mask[t] = 1.0;
        }
        return new Problem(neurons, p, input, labels, mask);
    }

    @ParameterizedTest(name = "seed {0}, n_ref {1}, tau_out {2}, {3}, detach reset {4}")
    @CsvSource({
        "1, 0, 20, triangle, false",
        "2, 2, 20, triangle, false",
        "13, 0, 0, fast_sigmoid, false",
        "4, 3, 10, multi_gaussian, true",
        "5, 1, 20, triangle, true",
    })
    void bpttEqualsForwardModeDifferentiation(long seed, int nRef, double tauOutMs, String kind, boolean detach) {
        Problem pr = problem(seed, nRef, tauOutMs);
        Surrogate surrogate = switch (kind) {
            case "triangle" -> new Surrogate.Triangle(0.3);
            case "fast_sigmoid" -> new Surrogate.FastSigmoid(5.0);
            default -> new Surrogate.MultiGaussian(0.5);
        };
        double[] spikes = new double[1];
        double[] expected = Arrays.copyOf(AlifRtrl.gradient(pr, surrogate, detach, spikes), // without the taus
                flatten(pr.params()).length);
        // Every way SpikingBptt can organise the work: one block or a block per trial (the reduction
        // over blocks), W_rec^T gv by dot products at the units near threshold or densely.
        SpikingBptt[] rules = {
            new SpikingBptt(pr.neurons(), surrogate, detach, 0.0, 10.0),
            new SpikingBptt(pr.neurons(), surrogate, detach, false, 0.0, 10.0, 1, 0.0),
            new SpikingBptt(pr.neurons(), surrogate, detach, false, 0.0, 10.0, 2, 1.0),
        };
        for (SpikingBptt rule : rules) {
            BatchResult result = rule.run(pr.params(), pr.input(), pr.labels(), pr.mask());
            assertEquals((long) spikes[0], result.spikes(), "both forward passes spike alike");
            assertTrue(spikes[0] > STEPS * BATCH * N * 0.02, "enough spikes for the gradient to mean something");
            double[] actual = flatten(result.gradients());
            double scale = 0;
            for (double g : expected) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 1e-3, "gradient is not trivially zero");
            int offRec = N * N_IN;
            for (int q = 0; q < expected.length; q++) {
                boolean diagonal = q >= offRec && q < offRec + N * N && (q - offRec) / N == (q - offRec) % N;
                double want = diagonal ? 0.0 : expected[q];
                assertEquals(want, actual[q], 1e-9 * scale, "parameter " + q);
            }
        }
    }

    /**
     * Blocks of trials run in parallel, but the result may not depend on how many threads there are:
     * the same batch on pools of 1 and 3 threads gives the same gradient bit for bit (run twice on the
     * second, which also checks that the reused arrays start clean).
     */
    @Test
    void gradientIsTheSameForAnyNumberOfThreads() throws Exception {
        Problem pr = problem(7, 2, 20);
        SpikingBptt rule = new SpikingBptt(pr.neurons(), new Surrogate.Triangle(0.3), false, false, 0.05, 10.0, 1,
                SpikingBptt.DENSE_FRACTION);
        double[] one = onPool(1, rule, pr);
        double[] three = onPool(3, rule, pr);
        double[] again = onPool(3, rule, pr);
        assertArrayEquals(one, three);
        assertArrayEquals(one, again);
    }

    private static double[] onPool(int threads, LearningRule rule, Problem pr) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            BatchResult result = pool.submit(() -> rule.run(pr.params(), pr.input(), pr.labels(), pr.mask())).get();
            double[] gradient = flatten(result.gradients());
            double[] all = Arrays.copyOf(gradient, gradient.length + 2);
            all[gradient.length] = result.taskLoss();
            all[gradient.length + 1] = result.rateLoss();
            return all;
        } finally {
            pool.shutdown();
        }
    }

    static double[] flatten(Params p) {
        double[] flat = new double[p.wIn.length + p.wRec.length + p.wOut.length + p.bRec.length + p.bOut.length];
        int offset = 0;
        for (double[] array : p.arrays()) {
            System.arraycopy(array, 0, flat, offset, array.length);
            offset += array.length;
        }
        return flat;
    }
}
