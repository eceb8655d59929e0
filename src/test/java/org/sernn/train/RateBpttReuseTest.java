package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.Activation;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;

/**
 * Rate BPTT keeps its arrays between batches of one shape: a batch run after batches of other shapes
 * gives bit for bit what a fresh instance gives.
 */
class RateBpttReuseTest {
    private static final int N_IN = 3;
    private static final int N = 6;
    private static final int N_OUT = 2;

    private static NeuronParams neurons() {
        double[] ones = new double[N];
        Arrays.fill(ones, 1.0);
        return NeuronParams.builder(NeuronType.RATE, N).activation(Activation.RELU).dtMs(1.0).tauOutMs(10.0)
                .tauMMs(ones.clone()).tauAMs(ones.clone()).beta(new double[N]).vTh(ones.clone()).nRef(new int[N])
                .excitatory(new boolean[N]).build();
    }

    private static InputBatch batch(int trials, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[trials * steps * N_IN];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        return new InputBatch(trials, steps, N_IN, x);
    }

    private static double[] mask(int steps) {
        double[] mask = new double[steps];
        mask[steps - 1] = 0.5;
        mask[steps - 2] = 0.5;
        return mask;
    }

    private static void assertSame(BatchResult expected, BatchResult actual) {
        assertEquals(expected.taskLoss(), actual.taskLoss());
        assertEquals(expected.correct(), actual.correct());
        for (int k = 0; k < expected.gradients().arrays().length; k++) {
            assertArrayEquals(expected.gradients().arrays()[k], actual.gradients().arrays()[k], Params.NAMES[k]);
        }
    }

    private static int[] otherLabelsOfFour() {
        return new int[] {1, 1, 0, 0};
    }

    @Test
    void reusedInstanceAgreesWithFreshOnes() {
        Params p = new Params(N_IN, N, N_OUT);
        SplittableRandom random = new SplittableRandom(7);
        for (double[] array : p.arrays()) {
            for (int i = 0; i < array.length; i++) {
                array[i] = 0.6 * random.nextGaussian();
            }
        }
        InputBatch first = batch(4, 9, 1);
        InputBatch sameShape = batch(4, 9, 3);
        InputBatch other = batch(3, 5, 2);
        int[] firstLabels = {0, 1, 1, 0};
        int[] otherLabels = {1, 0, 1};
        RateBptt reused = new RateBptt(neurons());
        BatchResult before = reused.run(p, first, firstLabels, mask(9));
        BatchResult second = reused.run(p, sameShape, otherLabelsOfFour(), mask(9));
        BatchResult otherShape = reused.run(p, other, otherLabels, mask(5));
        BatchResult after = reused.run(p, first, firstLabels, mask(9));

        assertSame(new RateBptt(neurons()).run(p, first, firstLabels, mask(9)), before);
        assertSame(new RateBptt(neurons()).run(p, sameShape, otherLabelsOfFour(), mask(9)), second);
        assertSame(before, after);
        assertSame(new RateBptt(neurons()).run(p, other, otherLabels, mask(5)), otherShape);
        assertEquals(true, Arrays.stream(before.gradients().wRec).anyMatch(g -> g != 0.0));
    }
}
