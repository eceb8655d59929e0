package org.sernn.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link MatrixAlgebra} on square, contiguous, row-major ('c') DOUBLE ND4J matrices; each operation is one
 * bulk ND4J or BLAS call (dgemm, daxpy) or one LU solve ({@link LuSolver}).
 */
enum DenseAlgebra implements MatrixAlgebra<INDArray> {
    INSTANCE;

    @Override
    public INDArray uninitializedLike(INDArray a) {
        return Nd4j.createUninitialized(DataType.DOUBLE, new long[] {a.rows(), a.columns()}, 'c');
    }

    @Override
    public INDArray copy(INDArray a) {
        return a.dup('c');
    }

    @Override
    public void multiply(INDArray a, INDArray b, INDArray out, double beta) {
        Nd4j.gemm(a, b, out, false, false, 1.0, beta);
    }

    @Override
    public void scale(INDArray a, double c) {
        a.muli(c);
    }

    @Override
    public void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x, y);
    }

    /** Through a strided view of the diagonal of the flat row-major buffer. */
    @Override
    public void addIdentity(INDArray a, double c) {
        long n = a.rows();
        a.reshape(n * n).get(NDArrayIndex.interval(0, n + 1, n * n)).addi(c);
    }

    @Override
    public double norm1(INDArray a) {
        return a.norm1(0).maxNumber().doubleValue();
    }

    @Override
    public INDArray solve(INDArray q, INDArray p) {
        LuSolver.factorInPlace(q).solveInPlace(p);
        return p;
    }
}
