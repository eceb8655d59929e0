package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.linalg.DenseMatrix;

/**
 * The fan-out lists against the weight matrix they come from: scattering columns one after another
 * must give, bit for bit, the sums of a plain loop over the matrix in the same column order, with
 * 16-bit targets (up to 65,536 posts), 32-bit targets (more) and the contiguous loop of a column
 * that reaches every post.
 */
class FanOutTest {
    @ParameterizedTest
    @ValueSource(ints = {7, 65_536, 70_001})
    void scatterEqualsTheColumnSums(int posts) {
        int pres = 3;
        SplittableRandom random = new SplittableRandom(posts);
        double[] w = new double[posts * pres];
        for (int post = 0; post < posts; post++) {
            w[post * pres] = random.nextDouble() < 0.3 ? random.nextGaussian() : 0.0; // sparse column
            w[post * pres + 1] = random.nextGaussian() + 10.0; // reaches every post
            w[post * pres + 2] = post == posts - 1 ? 2.5 : 0.0; // only the last post (index > 65,535 if wide)
        }
        FanOut fanOut = FanOut.ofColumns(DenseMatrix.of(posts, pres, w));
        assertEquals(posts, fanOut.size(1));
        assertEquals(1, fanOut.size(2));

        double[] scattered = new double[posts];
        double[] expected = new double[posts];
        double[] scales = {0.7, 1.0, -3.0};
        for (int pre : new int[] {1, 0, 2, 1}) {
            fanOut.scatterAdd(pre, scales[pre], scattered);
            fanOut.scatterAdd(pre, scattered);
            for (int post = 0; post < posts; post++) {
                double weight = w[post * pres + pre];
                if (weight != 0.0) {
                    expected[post] += scales[pre] * weight;
                    expected[post] += weight;
                }
            }
        }
        assertArrayEquals(expected, scattered, 0.0);
    }

    /** The one counting pass, shared by the CSR build and the dense engine's event count: -0.0 is no synapse. */
    @Test
    void columnSizesAreTheFanOutListSizes() {
        double[] w = {
            1.0, 0.0, -0.0, 2.0,
            0.0, 0.0, 3.0, -1.0,
            4.0, -0.0, 5.0, 0.5};
        DenseMatrix matrix = DenseMatrix.of(3, 4, w);
        int[] sizes = FanOut.columnSizes(matrix);
        assertArrayEquals(new int[] {2, 0, 2, 3}, sizes);
        FanOut fanOut = FanOut.ofColumns(matrix);
        for (int pre = 0; pre < 4; pre++) {
            assertEquals(sizes[pre], fanOut.size(pre), "pre " + pre);
        }
    }
}
