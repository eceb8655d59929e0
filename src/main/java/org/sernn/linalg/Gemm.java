package org.sernn.linalg;

import org.bytedeco.openblas.global.openblas;

/**
 * C = A B, A^T B or A B^T on row-major blocks of {@link NativeDoubles}, one direct BLAS dgemm each (the
 * OpenBLAS library ND4J's native backend binds, as {@link DenseAlgebra}): none of ND4J's per-call
 * op set-up, which costs more than a 100 x 100 product. Each operand is an array, the offset of its
 * first entry and its shape as used (rows x cols of the factor before any transposition); leading
 * dimensions are the row lengths, so blocks are whole consecutive rows.
 */
public final class Gemm {
    private Gemm() {
    }

    /** c (m x n) = a (m x k) b (k x n) + beta c. */
    public static void times(NativeDoubles a, long aOffset, NativeDoubles b, long bOffset, NativeDoubles c,
            long cOffset, int m, int k, int n, double beta) {
        dgemm(false, false, m, n, k, a, aOffset, k, b, bOffset, n, beta, c, cOffset);
    }

    /** c (m x n) = a (m x k) b^T + beta c, for b (n x k). */
    public static void timesTransposeOf(NativeDoubles a, long aOffset, NativeDoubles b, long bOffset,
            NativeDoubles c, long cOffset, int m, int k, int n, double beta) {
        dgemm(false, true, m, n, k, a, aOffset, k, b, bOffset, k, beta, c, cOffset);
    }

    /** c (m x n) = a^T b + beta c, for a (k x m) and b (k x n): a sum over the k shared rows. */
    public static void transposeTimes(NativeDoubles a, long aOffset, NativeDoubles b, long bOffset,
            NativeDoubles c, long cOffset, int m, int k, int n, double beta) {
        dgemm(true, false, m, n, k, a, aOffset, m, b, bOffset, n, beta, c, cOffset);
    }

    private static void dgemm(boolean transposeA, boolean transposeB, int m, int n, int k, NativeDoubles a,
            long aOffset, int lda, NativeDoubles b, long bOffset, int ldb, double beta, NativeDoubles c,
            long cOffset) {
        if (a == c || b == c) {
            throw new IllegalArgumentException("gemm: the product must not overwrite a factor");
        }
        if (a == b && aOffset != bOffset) { // one array has one cursor (NativeDoubles.at)
            throw new IllegalArgumentException("gemm: two blocks of one array as factors");
        }
        check(a, aOffset, transposeA ? (long) k * m : (long) m * k, "a");
        check(b, bOffset, transposeB ? (long) n * k : (long) k * n, "b");
        check(c, cOffset, (long) m * n, "c");
        if (m == 0 || n == 0) {
            return;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, 1.0, a.at(aOffset),
                Math.max(1, lda), b.at(bOffset), Math.max(1, ldb), beta, c.at(cOffset), n);
    }

    private static void check(NativeDoubles x, long offset, long size, String name) {
        if (offset < 0 || offset + size > x.length()) {
            throw new IndexOutOfBoundsException("gemm: " + name + " [" + offset + ", " + (offset + size)
                    + ") outside its " + x.length() + " entries");
        }
    }
}
