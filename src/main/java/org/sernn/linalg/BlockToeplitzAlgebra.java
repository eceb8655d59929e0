package org.sernn.linalg;

import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link MatrixAlgebra} on {@link BlockToeplitz} matrices [[D, C], [0, D]] by their blocks, never forming the
 * 2n x 2n matrix: [[A, B], [0, A]] [[P, Q], [0, P]] = [[A P, A Q + B P], [0, A P]] costs three n x n products
 * instead of the eight of a 2n x 2n product, and [[A, B], [0, A]]^-1 [[P, Q], [0, P]] =
 * [[X, A^-1 (Q - B X)], [0, X]] with X = A^-1 P needs one LU factorisation of A. The results are those of
 * the 2n x 2n computation, whose zero block only ever adds exact zeros (the structured evaluation of
 * Al-Mohy and Higham, SIAM J. Matrix Anal. Appl. 30(4):1639-1657, 2009, applied to the block method).
 */
enum BlockToeplitzAlgebra implements MatrixAlgebra<BlockToeplitz> {
    INSTANCE;

    private static final DenseAlgebra DENSE = DenseAlgebra.INSTANCE;

    @Override
    public BlockToeplitz uninitializedLike(BlockToeplitz a) {
        return new BlockToeplitz(DENSE.uninitializedLike(a.diagonal()), DENSE.uninitializedLike(a.corner()));
    }

    @Override
    public BlockToeplitz copy(BlockToeplitz a) {
        return new BlockToeplitz(DENSE.copy(a.diagonal()), DENSE.copy(a.corner()));
    }

    @Override
    public void multiply(BlockToeplitz a, BlockToeplitz b, BlockToeplitz out, double beta) {
        DENSE.multiply(a.diagonal(), b.diagonal(), out.diagonal(), beta);
        DENSE.multiply(a.diagonal(), b.corner(), out.corner(), beta);
        DENSE.multiply(a.corner(), b.diagonal(), out.corner(), 1);
    }

    @Override
    public void scale(BlockToeplitz a, double c) {
        DENSE.scale(a.diagonal(), c);
        DENSE.scale(a.corner(), c);
    }

    @Override
    public void axpy(double alpha, BlockToeplitz x, BlockToeplitz y) {
        DENSE.axpy(alpha, x.diagonal(), y.diagonal());
        DENSE.axpy(alpha, x.corner(), y.corner());
    }

    /** The 2n x 2n identity has the n x n identity on its diagonal blocks and a zero corner. */
    @Override
    public void addIdentity(BlockToeplitz a, double c) {
        DENSE.addIdentity(a.diagonal(), c);
    }

    /** Column j of [[D, C], [0, D]] sums to |D|_j (j <= n) or |C|_j + |D|_j, so the norm is the latter's max. */
    @Override
    public double norm1(BlockToeplitz a) {
        return a.corner().norm1(0).addi(a.diagonal().norm1(0)).maxNumber().doubleValue();
    }

    /** Consumes q and p; the result reuses p's blocks. */
    @Override
    public BlockToeplitz solve(BlockToeplitz q, BlockToeplitz p) {
        LuSolver.Factors lu = LuSolver.factorInPlace(q.diagonal());
        lu.solveInPlace(p.diagonal());                                             // X = A^-1 P
        Nd4j.gemm(q.corner(), p.diagonal(), p.corner(), false, false, -1.0, 1.0);  // Q - B X
        lu.solveInPlace(p.corner());                                               // A^-1 (Q - B X)
        return p;
    }
}
