package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.linalg.DenseMatrix;

/**
 * The one-pass, block-parallel CSR build gives exactly the lists of the plainest builder: for each
 * pre (column), walk the posts (rows) in order and keep the entries that are not exactly zero. Shapes
 * cover several row blocks with a partial last one, empty rows and columns, a full column, -0.0
 * entries (no synapse) and more than 65,536 posts (32-bit targets).
 */
class FanOutBuildTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 1.0", "7, 3, 0.5", "600, 40, 0.05", "1000, 1000, 0.1", "70001, 3, 0.3", "513, 257, 0.0"})
    void listsEqualAColumnByColumnReference(int posts, int pres, double density) {
        SplittableRandom random = new SplittableRandom(posts * 31L + pres);
        double[] w = new double[posts * pres];
        for (int k = 0; k < w.length; k++) {
            double u = random.nextDouble();
            w[k] = u < density ? random.nextGaussian() : u < density + 0.02 ? -0.0 : 0.0;
        }
        if (pres > 1) {
            for (int post = 0; post < posts; post++) {
                w[post * pres + 1] = 1.0 + post; // a column that reaches every post
            }
        }
        DenseMatrix matrix = DenseMatrix.of(posts, pres, w);
        FanOut built = FanOut.ofColumns(matrix);
        for (int pre = 0; pre < pres; pre++) {
            List<Integer> targets = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int post = 0; post < posts; post++) {
                double value = matrix.get(post, pre);
                if (value != 0.0) {
                    targets.add(post);
                    weights.add(value);
                }
            }
            assertEquals(targets.size(), built.size(pre), "size of pre " + pre);
            assertArrayEquals(targets.stream().mapToInt(Integer::intValue).toArray(), built.targetsOf(pre),
                    "targets of pre " + pre);
            assertArrayEquals(weights.stream().mapToDouble(Double::doubleValue).toArray(), built.weightsOf(pre),
                    "weights of pre " + pre);
        }
    }
}
