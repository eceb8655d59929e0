package org.sernn.linalg;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Frechet derivative of the matrix exponential, L(X, E) = d/dt expm(X + t E) at t = 0, by the block
 * method: expm([[X, E], [0, X]]) = [[expm(X), L(X, E)], [0, expm(X)]] (N. J. Higham, "Functions of
 * Matrices: Theory and Computation", SIAM 2008, chapter 3; A. H. Al-Mohy and N. J. Higham, "Computing the
 * Frechet derivative of the matrix exponential, with an application to condition number estimation",
 * SIAM J. Matrix Anal. Appl. 30(4):1639-1657, 2009). The 2n x 2n exponential is taken by
 * {@link MatrixExponential}'s algorithm on the blocks of [[X, E], [0, X]] ({@link BlockToeplitzAlgebra}):
 * the same Pade degree, squarings and result as on the full 2n x 2n matrix, at about 3 times the flops of
 * expm(X) alone instead of 8.
 *
 * <p>L is linear in E (L(X, t E) = t L(X, E)), so E is first scaled by a power of two t to
 * ||t E||_1 ~ max(||X||_1, 1) and the result divided by t, both exactly: the 1-norm of the block matrix,
 * and with it the Pade degree and the number of squarings, is then set by X rather than by the size of E.
 */
public final class FrechetExpm {

    private FrechetExpm() {
    }

    /**
     * Returns L(x, e).
     *
     * @param x square DOUBLE matrix, finite; not modified
     * @param e DOUBLE matrix of x's shape, finite; not modified
     * @throws IllegalArgumentException if a shape, data type or entry is unfit (the message names it)
     */
    public static INDArray frechet(INDArray x, INDArray e) {
        return expmAndFrechet(x, e).frechet();
    }

    /**
     * Returns expm(x) and L(x, e) from the same block exponential (its upper-left and upper-right blocks).
     *
     * @param x square DOUBLE matrix, finite; not modified
     * @param e DOUBLE matrix of x's shape, finite; not modified
     * @return new 'c'-ordered n x n matrices
     * @throws IllegalArgumentException if a shape, data type or entry is unfit (the message names it)
     */
    public static ExpmFrechet expmAndFrechet(INDArray x, INDArray e) {
        MatrixChecks.requireFiniteSquareDouble(x, "Frechet point x");
        MatrixChecks.requireFiniteSquareDouble(e, "Frechet direction e");
        if (!Arrays.equals(x.shape(), e.shape())) {
            throw new IllegalArgumentException("Frechet direction e must have the shape of x "
                + Arrays.toString(x.shape()) + ", but has " + Arrays.toString(e.shape()));
        }
        long n = x.rows();
        double normE = DenseAlgebra.INSTANCE.norm1(e);
        if (n == 0 || normE == 0) {
            return new ExpmFrechet(MatrixExponential.expm(x), Nd4j.zeros(DataType.DOUBLE, n, n));
        }
        double target = Math.max(DenseAlgebra.INSTANCE.norm1(x), 1.0);
        int k = Math.getExponent(target) - Math.getExponent(normE); // t = 2^k, so ||t E|| ~ target

        BlockToeplitz block = new BlockToeplitz(x.dup('c'), e.dup('c').muli(Math.scalb(1.0, k)));
        BlockToeplitz big = MatrixExponential.expmInPlace(BlockToeplitzAlgebra.INSTANCE, block);
        return new ExpmFrechet(big.diagonal(), big.corner().muli(Math.scalb(1.0, -k)));
    }

}
