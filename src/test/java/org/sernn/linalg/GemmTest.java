package org.sernn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Direct dgemm on blocks of native arrays against plain triple loops, and the Java-array wrappers. */
class GemmTest {
    private static double[] random(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    /** (m x n) = sum_k a(i, k) b(k, j), with a(i, k) and b(k, j) read through the given index maps. */
    private static double[] reference(int m, int k, int n, IndexedValue a, IndexedValue b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int l = 0; l < k; l++) {
                    sum += a.at(i, l) * b.at(l, j);
                }
                c[i * n + j] = sum;
            }
        }
        return c;
    }

    @FunctionalInterface
    private interface IndexedValue {
        double at(int row, int col);
    }

    private static void assertClose(double[] expected, NativeDoubles actual, int offset) {
        double[] values = new double[expected.length];
        actual.get(offset, values, 0, values.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], values[i], 1e-12 * (1 + Math.abs(expected[i])), "entry " + i);
        }
    }

    @Test
    void productsOfBlocksAtOffsetsMatchTripleLoops() {
        int m = 7;
        int k = 5;
        int n = 3;
        double[] a = random(4 + m * k, 1);
        double[] b = random(2 + k * n, 2);
        double[] c0 = random(m * n, 3);
        NativeDoubles na = NativeDoubles.copyOf(a);
        NativeDoubles nb = NativeDoubles.copyOf(b);
        NativeDoubles nc = new NativeDoubles(6 + m * n);

        Gemm.times(na, 4, nb, 2, nc, 6, m, k, n, 0.0);
        assertClose(reference(m, k, n, (i, l) -> a[4 + i * k + l], (l, j) -> b[2 + l * n + j]), nc, 6);

        // a (m x k) times the transpose of an (n x k) block of a
        Gemm.timesTransposeOf(na, 4, NativeDoubles.copyOf(a), 4 + k, nc, 0, m, k, n, 0.0);
        assertClose(reference(m, k, n, (i, l) -> a[4 + i * k + l], (l, j) -> a[4 + k + j * k + l]), nc, 0);

        // a^T b with a (k x m) and b (k x n), accumulated onto c0 (beta = 1)
        double[] aT = random(k * m, 4);
        nc.put(c0, 0, c0.length, 0);
        Gemm.transposeTimes(NativeDoubles.copyOf(aT), 0, nb, 2, nc, 0, m, k, n, 1.0);
        double[] expected = reference(m, k, n, (i, l) -> aT[l * m + i], (l, j) -> b[2 + l * n + j]);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += c0[i];
        }
        assertClose(expected, nc, 0);
    }

    @Test
    void javaArrayProductsAgreeWithTripleLoops() {
        double[] a = random(6 * 4, 5);
        double[] b = random(4 * 3, 6);
        NativeDoubles product = NativeDoubles.copyOf(MatMul.times(a, 6, 4, b, 3));
        assertClose(reference(6, 4, 3, (i, l) -> a[i * 4 + l], (l, j) -> b[l * 3 + j]), product, 0);

        MatMulPlan plan = MatMulPlan.timesTransposeOf(b, 4, 3, 2); // left (2 x 3) times b^T (3 x 4)
        double[] out = new double[1 + 2 * 4];
        plan.apply(a, 5, out, 1);
        double[] expected = reference(2, 3, 4, (i, l) -> a[5 + i * 3 + l], (l, j) -> b[j * 3 + l]);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out[1 + i], 1e-12 * (1 + Math.abs(expected[i])));
        }
        assertEquals(0.0, out[0]);
    }

    @Test
    void refusesBlocksOutsideTheArrayAndTwoBlocksOfOneArray() {
        NativeDoubles a = new NativeDoubles(12);
        NativeDoubles c = new NativeDoubles(4);
        assertThrows(IndexOutOfBoundsException.class, () -> Gemm.times(a, 7, a, 7, c, 0, 2, 3, 2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.times(a, 0, a, 6, c, 0, 2, 3, 2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Gemm.times(a, 0, c, 0, a, 0, 2, 2, 2, 0.0));
    }
}
