package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sernn.model.Activation;
import org.sernn.model.FeedbackKind;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;

/**
 * e-prop holds no per-time-step state: the bytes one batch allocates (measured with
 * com.sun.management.ThreadMXBean) are the same for a sequence 8 times longer. The same measurement
 * on BPTT, which stores the trajectory, grows with the length, which shows the measurement can see it.
 */
class EpropMemoryTest {
    private static final int N_IN = 6;
    private static final int N = 20;
    private static final int N_OUT = 2;
    private static final int BATCH = 4;

    @Test
    void epropAllocatesTheSameForLongerSequences() {
        NeuronParams neurons = neurons();
        Params p = params();
        Surrogate surrogate = new Surrogate.Triangle(0.3);
        Supplier<LearningRule> eprop = () -> new Eprop(neurons, surrogate,
                new Feedback(FeedbackKind.RANDOM, 3, N, N_OUT, p.wOut), 0.01, 10.0);
        // A new BPTT each time: it keeps its trajectory arrays for the next batch of the same shape.
        Supplier<LearningRule> bptt = () -> new SpikingBptt(neurons, surrogate, false, 0.01, 10.0);
        long epropShort = allocated(eprop, p, 250);
        long epropLong = allocated(eprop, p, 2000);
        long bpttShort = allocated(bptt, p, 250);
        long bpttLong = allocated(bptt, p, 2000);
        assertTrue(Math.abs(epropLong - epropShort) <= 1024,
                "e-prop allocated " + epropShort + " bytes at 250 steps and " + epropLong + " at 2000");
        assertTrue(bpttLong > 4 * bpttShort, "BPTT allocated " + bpttShort + " and " + bpttLong + " bytes");
    }

    /** The fewest bytes one batch of {@code steps} steps allocated over a few runs of a new rule (after warm-up). */
    private static long allocated(Supplier<LearningRule> rules, Params p, int steps) {
        SplittableRandom random = new SplittableRandom(steps);
        double[] x = new double[BATCH * steps * N_IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < 0.1 ? 1.0 : 0.0;
        }
        InputBatch input = new InputBatch(BATCH, steps, N_IN, x);
        int[] labels = {0, 1, 1, 0};
        double[] mask = new double[steps];
        for (int t = steps - 20; t < steps; t++) {
            mask[t] = 0.05;
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            LearningRule rule = rules.get();
            long before = threads.getCurrentThreadAllocatedBytes();
            BatchResult result = rule.run(p, input, labels, mask);
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(result.spikes() > 0, "the network is active");
            fewest = Math.min(fewest, bytes);
        }
        return fewest;
    }

    private static NeuronParams neurons() {
        double[] tauM = new double[N];
        double[] tauA = new double[N];
        double[] beta = new double[N];
        double[] vTh = new double[N];
        int[] ref = new int[N];
        boolean[] excitatory = new boolean[N];
        for (int j = 0; j < N; j++) {
            tauM[j] = 20.0;
            tauA[j] = 200.0;
            beta[j] = j % 2 == 0 ? 0.1 : 0.0;
            vTh[j] = 0.6;
            ref[j] = 2;
            excitatory[j] = true;
        }
        return NeuronParams.builder(NeuronType.ALIF, tauM.length).activation(Activation.RELU).dtMs(1.0).tauOutMs(20.0)
                .tauMMs(tauM).tauAMs(tauA).beta(beta).vTh(vTh).nRef(ref).excitatory(excitatory).build();
    }

    private static Params params() {
        SplittableRandom random = new SplittableRandom(5);
        Params p = new Params(N_IN, N, N_OUT);
        for (double[] array : p.arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] = 0.7 * random.nextGaussian();
            }
        }
        for (int j = 0; j < N; j++) {
            p.wRec[j * N + j] = 0;
        }
        return p;
    }
}
