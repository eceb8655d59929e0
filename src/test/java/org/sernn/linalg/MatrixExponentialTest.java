package org.sernn.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatrixExponentialTest {

    /**
     * For symmetric A, expm(A) = V diag(exp(lambda)) V^T. Norms from 0.01 (Pade degree 3) to 50 (four
     * squarings); the backward error of the method is about the unit roundoff times a small multiple of n,
     * and exp is well conditioned on symmetric matrices, so 1e-10 leaves a wide margin.
     */
    @ParameterizedTest(name = "n = {0}, ||A||_1 = {1}")
    @CsvSource({"5, 0.01", "5, 1", "5, 50", "50, 0.5", "50, 4", "50, 50", "200, 1", "200, 10", "200, 50"})
    void symmetricMatchesEigendecomposition(int n, double norm) {
        double[][] a = TestMatrices.symmetric(n, norm, new Random(1000L * n + (long) (norm * 100)));
        double[][] expected = TestMatrices.symmetricFunction(a, Math::exp);

        double[][] actual = MatrixExponential.expm(TestMatrices.nd(a)).toDoubleMatrix();

        double err = TestMatrices.relativeFrobenius(actual, expected);
        assertTrue(err <= 1e-10, "relative Frobenius error " + err);
    }

    /** Just inside each degree's range (1-norm = theta_m (1 - 1e-9)), r_m alone must already be accurate. */
    @ParameterizedTest
    @EnumSource(PadeDegree.class)
    void eachPadeDegreeIsAccurateUpToItsTheta(PadeDegree degree) {
        double[][] a = TestMatrices.symmetric(30, degree.theta() * (1 - 1e-9), new Random(7 + degree.m()));
        assertEquals(new ScalingChoice(degree, 0), ScalingChoice.forNorm(TestMatrices.norm1(a)));

        double[][] actual = MatrixExponential.expm(a);

        double err = TestMatrices.relativeFrobenius(actual, TestMatrices.symmetricFunction(a, Math::exp));
        assertTrue(err <= 1e-13, degree + ": relative Frobenius error " + err);
    }

    /**
     * expm(A) expm(-A) = I for non-symmetric A. The residual is bounded by about n u ||e^A|| ||e^-A||; for
     * these Gaussian matrices ||e^A|| stays below about 1e3 (their eigenvalues lie in a disc much smaller than
     * the 1-norm), so 1e-10 is reachable but not trivially.
     */
    @ParameterizedTest(name = "n = {0}, ||A||_1 = {1}")
    @CsvSource({"10, 0.5", "50, 3", "50, 20", "200, 8"})
    void expmOfMinusAIsTheInverse(int n, double norm) {
        INDArray a = TestMatrices.nd(TestMatrices.gaussian(n, norm, new Random(31L * n + (long) norm)));

        INDArray product = MatrixExponential.expm(a).mmul(MatrixExponential.expm(a.neg()));

        double err = product.sub(Nd4j.eye(n).castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(err <= 1e-10, "max |expm(A) expm(-A) - I| = " + err);
    }

    @Test
    void nilpotentMatrixGivesIPlusN() {
        double[][] actual = MatrixExponential.expm(new double[][] {{0, 1}, {0, 0}});

        assertArrayEquals(new double[] {1, 1}, actual[0], 1e-15);
        assertArrayEquals(new double[] {0, 1}, actual[1], 1e-15);
    }

    /** expm([[0, -t], [t, 0]]) is the rotation by t; t = 30 needs squarings. */
    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.7, 2.5, 30})
    void rotationGeneratorGivesRotation(double t) {
        double[][] actual = MatrixExponential.expm(new double[][] {{0, -t}, {t, 0}});

        double c = Math.cos(t);
        double s = Math.sin(t);
        assertArrayEquals(new double[] {c, -s}, actual[0], 1e-13);
        assertArrayEquals(new double[] {s, c}, actual[1], 1e-13);
    }

    @Test
    void diagonalMatrixGivesEntrywiseExp() {
        double[] d = {-30, -1.5, 0, 1e-9, 2.5, 40};
        double[][] a = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            a[i][i] = d[i];
        }

        double[][] actual = MatrixExponential.expm(a);

        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d.length; j++) {
                double expected = i == j ? Math.exp(d[i]) : 0;
                assertEquals(expected, actual[i][j], 1e-13 * Math.abs(expected), "entry " + i + "," + j);
            }
        }
    }

    /** expm([[a, b], [0, c]]) = [[e^a, b (e^a - e^c) / (a - c)], [0, e^c]]; b = 100 forces squarings. */
    @Test
    void upperTriangularTwoByTwoMatchesClosedForm() {
        double a = 1;
        double b = 100;
        double c = -2;

        double[][] actual = MatrixExponential.expm(new double[][] {{a, b}, {0, c}});

        assertEquals(Math.exp(a), actual[0][0], 1e-13 * Math.exp(a));
        double corner = b * (Math.exp(a) - Math.exp(c)) / (a - c);
        assertEquals(corner, actual[0][1], 1e-13 * corner);
        assertEquals(0, actual[1][0], 0);
        assertEquals(Math.exp(c), actual[1][1], 1e-12 * Math.exp(c));
    }

    @Test
    void zeroMatrixGivesIdentityExactly() {
        INDArray actual = MatrixExponential.expm(Nd4j.zeros(DataType.DOUBLE, 4, 4));

        assertEquals(Nd4j.eye(4).castTo(DataType.DOUBLE), actual);
    }

    @Test
    void emptyMatrixGivesEmptyMatrix() {
        assertEquals(0, MatrixExponential.expm(new double[0][0]).length);
        assertEquals(0, MatrixExponential.expm(Nd4j.create(DataType.DOUBLE, 0, 0)).length());
    }

    /** A column-major copy and a transposed view must give the same result as the row-major original. */
    @Test
    void acceptsAnyOrderingAndViewsAndLeavesTheArgumentUnchanged() {
        INDArray a = TestMatrices.nd(TestMatrices.gaussian(20, 12, new Random(5)));
        INDArray copy = a.dup();

        INDArray expected = MatrixExponential.expm(a);

        assertEquals(copy, a);
        assertTrue(TestMatrices.relativeFrobenius(MatrixExponential.expm(a.dup('f')), expected) <= 1e-15);
        INDArray ofTranspose = MatrixExponential.expm(a.transpose());
        assertTrue(TestMatrices.relativeFrobenius(ofTranspose, expected.transpose()) <= 1e-12);
    }

    @Test
    void rejectsNonSquareNamingTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(Nd4j.zeros(DataType.DOUBLE, 3, 4)));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("[3, 4]"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(Nd4j.zeros(DataType.DOUBLE, 2, 2, 2)));
        assertTrue(e.getMessage().contains("[2, 2, 2]"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has length 1"), e.getMessage());
    }

    @Test
    void rejectsNanAndInfiniteEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(new double[][] {{1, 0}, {Double.NEGATIVE_INFINITY, 1}}));
        assertTrue(e.getMessage().contains("infinite"), e.getMessage());
    }

    @Test
    void rejectsNonDoubleDataType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MatrixExponential.expm(Nd4j.zeros(DataType.FLOAT, 2, 2)));
        assertTrue(e.getMessage().contains("DOUBLE") && e.getMessage().contains("FLOAT"), e.getMessage());
    }
}
