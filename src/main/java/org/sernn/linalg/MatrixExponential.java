package org.sernn.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The matrix exponential expm(A) = sum_k A^k / k! by scaling and squaring with diagonal Pade approximants:
 * Algorithm 2.3 of N. J. Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J. Matrix Anal. Appl. 26(4):1179-1193, 2005. With ||A||_1 <= theta_m for the smallest such
 * m in {3, 5, 7, 9}, expm(A) ~ r_m(A); otherwise expm(A) ~ r_13(A / 2^s)^(2^s) with the s of
 * {@link ScalingChoice}. Here r_m = q_m^-1 p_m, p_m(A) = U + V with U the odd and V the even part,
 * q_m(A) = V - U, so r_m(A) solves (V - U) X = (V + U).
 *
 * <p>Cost for an n x n A: pi_m + s matrix products (pi_m = 2, 3, 4, 5, 6 for m = 3, 5, 7, 9, 13, through
 * BLAS dgemm) and one LU solve with n right-hand sides ({@link LuSolver}); about a dozen n x n work
 * matrices at m = 13.
 */
public final class MatrixExponential {

    private MatrixExponential() {
    }

    /**
     * Returns expm(a).
     *
     * @param a square DOUBLE matrix with finite entries; not modified
     * @return a new 'c'-ordered DOUBLE matrix of a's shape
     * @throws IllegalArgumentException if a is not square, not DOUBLE or has NaN or infinite entries; the
     *     message names the problem and the shape
     */
    public static INDArray expm(INDArray a) {
        MatrixChecks.requireFiniteSquareDouble(a, "expm argument");
        if (a.isEmpty()) {
            return Nd4j.create(DataType.DOUBLE, 0, 0);
        }
        INDArray x = a.dup('c');
        ScalingChoice choice = ScalingChoice.forNorm(DenseKernels.norm1(x));
        if (choice.squarings() > 0) {
            x.muli(Math.scalb(1.0, -choice.squarings())); // exact: a power of two
        }
        INDArray r = choice.degree() == PadeDegree.M13 ? pade13(x) : padeLow(x, choice.degree());
        return square(r, choice.squarings());
    }

    /**
     * Returns expm(a) for a row-major double[][] (a convenience over {@link #expm(INDArray)}).
     *
     * @param a square, non-ragged, finite; not modified
     * @return a new array
     */
    public static double[][] expm(double[][] a) {
        MatrixChecks.requireSquare(a, "expm argument");
        if (a.length == 0) {
            return new double[0][0];
        }
        return expm(Nd4j.createFromArray(a)).toDoubleMatrix();
    }

    /**
     * r_m(A) for m in {3, 5, 7, 9} (Higham 2005, section 2): with A_2j = A^(2j),
     * U = A sum_{j} b_{2j+1} A_2j and V = sum_{j} b_{2j} A_2j over 0 <= 2j <= m - 1.
     */
    private static INDArray padeLow(INDArray a, PadeDegree d) {
        int half = (d.m() - 1) / 2;
        INDArray a2 = DenseKernels.uninitialized(a.rows());
        DenseKernels.multiply(a, a, a2, 1, 0);
        INDArray uInner = a2.mul(d.b(3));
        INDArray v = a2.mul(d.b(2));
        INDArray power = a2;
        for (int j = 2; j <= half; j++) {
            INDArray next = DenseKernels.uninitialized(a.rows());
            DenseKernels.multiply(power, a2, next, 1, 0);
            DenseKernels.axpy(d.b(2 * j + 1), next, uInner);
            DenseKernels.axpy(d.b(2 * j), next, v);
            power = next;
        }
        DenseKernels.addToDiagonal(uInner, d.b(1));
        DenseKernels.addToDiagonal(v, d.b(0));
        return solvePade(a, uInner, v);
    }

    /**
     * r_13(A) in six products (Higham 2005, section 2):
     * U = A [A6 (b13 A6 + b11 A4 + b9 A2) + b7 A6 + b5 A4 + b3 A2 + b1 I],
     * V = A6 (b12 A6 + b10 A4 + b8 A2) + b6 A6 + b4 A4 + b2 A2 + b0 I.
     */
    private static INDArray pade13(INDArray a) {
        PadeDegree d = PadeDegree.M13;
        long n = a.rows();
        INDArray a2 = DenseKernels.uninitialized(n);
        INDArray a4 = DenseKernels.uninitialized(n);
        INDArray a6 = DenseKernels.uninitialized(n);
        DenseKernels.multiply(a, a, a2, 1, 0);
        DenseKernels.multiply(a2, a2, a4, 1, 0);
        DenseKernels.multiply(a4, a2, a6, 1, 0);

        INDArray uInner = combination(d, 7, a2, a4, a6);
        DenseKernels.addToDiagonal(uInner, d.b(1));
        DenseKernels.multiply(a6, combination(d, 13, a2, a4, a6), uInner, 1, 1);

        INDArray v = combination(d, 6, a2, a4, a6);
        DenseKernels.addToDiagonal(v, d.b(0));
        DenseKernels.multiply(a6, combination(d, 12, a2, a4, a6), v, 1, 1);
        return solvePade(a, uInner, v);
    }

    /** b_k A6 + b_{k-2} A4 + b_{k-4} A2, a new matrix. */
    private static INDArray combination(PadeDegree d, int k, INDArray a2, INDArray a4, INDArray a6) {
        INDArray sum = a6.mul(d.b(k));
        DenseKernels.axpy(d.b(k - 2), a4, sum);
        DenseKernels.axpy(d.b(k - 4), a2, sum);
        return sum;
    }

    /** Forms U = A uInner and solves (V - U) X = (V + U) for X = r_m(A); v is overwritten. */
    private static INDArray solvePade(INDArray a, INDArray uInner, INDArray v) {
        INDArray u = DenseKernels.uninitialized(a.rows());
        DenseKernels.multiply(a, uInner, u, 1, 0);
        INDArray q = v.dup('c');
        DenseKernels.axpy(-1, u, q); // q = V - U
        DenseKernels.axpy(1, u, v);  // v = V + U, overwritten by X
        LuSolver.solveInPlace(q, v);
        return v;
    }

    /** Returns r^(2^s) by s squarings into two alternating buffers (r is overwritten when s > 0). */
    private static INDArray square(INDArray r, int s) {
        INDArray current = r;
        INDArray spare = s > 0 ? DenseKernels.uninitialized(r.rows()) : null;
        for (int i = 0; i < s; i++) {
            DenseKernels.multiply(current, current, spare, 1, 0);
            INDArray t = current;
            current = spare;
            spare = t;
        }
        return current;
    }
}
