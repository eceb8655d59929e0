package org.sernn.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sparse form holds exactly the entries of the dense one that are not exactly zero (-0.0 is no
 * entry), gathered in parallel blocks or built row by row; a weight matrix is equal to itself in
 * either form and converts once.
 */
class SparseMatrixTest {

    private static double[] randomEntries(int rows, int cols, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[rows * cols];
        for (int k = 0; k < w.length; k++) {
            double u = random.nextDouble();
            w[k] = u < density ? random.nextGaussian() : u < density + 0.05 ? -0.0 : 0.0;
        }
        return w;
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1.0", "600, 40, 0.05", "513, 257, 0.0", "300, 300, 0.5"})
    void gatherAndRowBuilderAgreeWithTheDenseEntries(int rows, int cols, double density) {
        double[] w = randomEntries(rows, cols, density, rows * 7L + cols);
        SparseMatrix gathered = SparseMatrix.of(DenseMatrix.of(rows, cols, w));
        SparseMatrix.Builder builder = new SparseMatrix.Builder(rows, cols);
        int nonZeros = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                builder.add(c, w[r * cols + c]);
                nonZeros += w[r * cols + c] != 0.0 ? 1 : 0;
            }
            builder.endRow();
        }
        SparseMatrix built = builder.build();
        assertEquals(gathered, built);
        assertEquals(nonZeros, gathered.nonZeros());
        double[] expected = w.clone();
        for (int k = 0; k < expected.length; k++) {
            expected[k] = expected[k] == 0.0 ? 0.0 : expected[k];
        }
        assertArrayEquals(expected, gathered.toDense().toArray());
        for (int r = 0; r < rows; r++) {
            for (int k = gathered.rowStart(r); k < gathered.rowStart(r + 1); k++) {
                assertEquals(w[r * cols + gathered.colAt(k)], gathered.valueAt(k));
                assertTrue(k == gathered.rowStart(r) || gathered.colAt(k - 1) < gathered.colAt(k));
            }
        }
    }

    @Test
    void builderRefusesColumnsOutOfOrderAndUnclosedRows() {
        SparseMatrix.Builder builder = new SparseMatrix.Builder(2, 3);
        builder.add(1, 1.0);
        assertThrows(IllegalArgumentException.class, () -> builder.add(1, 2.0));
        assertThrows(IllegalArgumentException.class, () -> builder.add(3, 2.0));
        builder.endRow();
        assertThrows(IllegalStateException.class, builder::build);
    }

    @Test
    void aWeightMatrixEqualsItselfInEitherFormAndConvertsOnce() {
        double[] w = randomEntries(50, 60, 0.2, 9);
        for (int k = 0; k < w.length; k++) {
            w[k] = w[k] == 0.0 ? 0.0 : w[k];
        }
        DenseMatrix dense = DenseMatrix.of(50, 60, w);
        WeightMatrix heldDense = WeightMatrix.of(dense);
        WeightMatrix heldSparse = WeightMatrix.of(SparseMatrix.of(dense));
        assertTrue(heldSparse.heldSparse());
        assertFalse(heldDense.heldSparse());
        assertEquals(heldDense, heldSparse);
        assertEquals(heldSparse, heldDense);
        assertEquals(heldDense.hashCode(), heldSparse.hashCode());
        assertEquals(heldSparse, WeightMatrix.of(SparseMatrix.of(dense)));
        assertSame(heldSparse.asDense(), heldSparse.asDense());
        assertSame(heldDense.asSparse(), heldDense.asSparse());
        assertEquals(heldSparse.asSparse(), heldDense.asSparse());
        w[7] = w[7] + 1.0;
        assertNotEquals(heldSparse, WeightMatrix.of(SparseMatrix.of(DenseMatrix.of(50, 60, w))));
        assertNotEquals(heldDense, WeightMatrix.of(DenseMatrix.of(50, 60, w)));
    }
}
