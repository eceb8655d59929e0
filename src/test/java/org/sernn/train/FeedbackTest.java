package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.FeedbackKind;

class FeedbackTest {
    private static final int N = 30;
    private static final int N_OUT = 3;

    private static double[] gaussian(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[N_OUT * N];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian();
        }
        return w;
    }

    private static double[] matrix(Feedback feedback, double[] wOut) {
        double[] b = new double[N * N_OUT];
        feedback.matrix(wOut, b);
        return b;
    }

    @Test
    void symmetricFeedbackIsTheTransposedReadout() {
        double[] wOut = gaussian(1);
        double[] b = matrix(new Feedback(FeedbackKind.SYMMETRIC, 7, N, N_OUT, gaussian(2)), wOut);
        for (int j = 0; j < N; j++) {
            for (int k = 0; k < N_OUT; k++) {
                assertEquals(wOut[k * N + j], b[j * N_OUT + k]);
            }
        }
    }

    @Test
    void randomFeedbackIsFixedByTheSeedAndStandardNormal() {
        double[] before = matrix(new Feedback(FeedbackKind.RANDOM, 7, N, N_OUT, gaussian(2)), gaussian(3));
        double[] after = matrix(new Feedback(FeedbackKind.RANDOM, 7, N, N_OUT, gaussian(4)), gaussian(5));
        assertArrayEquals(before, after, "independent of W_out: a resumed run rebuilds the same B");
        double[] other = matrix(new Feedback(FeedbackKind.RANDOM, 8, N, N_OUT, gaussian(2)), gaussian(3));
        assertTrue(before[0] != other[0], "another seed, another B");
        double sum = 0;
        double squares = 0;
        for (double value : before) {
            sum += value;
            squares += value * value;
        }
        double mean = sum / before.length;
        assertEquals(0.0, mean, 4 / Math.sqrt(before.length));
        assertEquals(1.0, squares / before.length - mean * mean, 0.4);
    }

    @Test
    void adaptiveFeedbackReceivesEveryChangeOfTheReadout() {
        double[] initial = gaussian(2);
        Feedback adaptive = new Feedback(FeedbackKind.ADAPTIVE, 7, N, N_OUT, initial);
        double[] random = matrix(new Feedback(FeedbackKind.RANDOM, 7, N, N_OUT, initial), initial);
        assertArrayEquals(random, matrix(adaptive, initial), "starts as the random B");
        double[] trained = initial.clone();
        double[] delta = gaussian(9);
        for (int i = 0; i < trained.length; i++) {
            trained[i] += delta[i];
        }
        double[] b = matrix(adaptive, trained);
        for (int j = 0; j < N; j++) {
            for (int k = 0; k < N_OUT; k++) {
                assertEquals(random[j * N_OUT + k] + delta[k * N + j], b[j * N_OUT + k], 1e-12);
            }
        }
    }
}
