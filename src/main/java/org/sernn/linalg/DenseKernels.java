package org.sernn.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Small in-place kernels on dense, contiguous, row-major ('c') DOUBLE matrices, each one bulk ND4J/BLAS
 * call. Arguments named {@code out} or {@code y} are modified; the others are not.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /** A new n x n DOUBLE matrix in 'c' order with unspecified contents. */
    static INDArray uninitialized(long n) {
        return Nd4j.createUninitialized(DataType.DOUBLE, new long[] {n, n}, 'c');
    }

    /** out = alpha a b + beta out (BLAS dgemm); out must not alias a or b. */
    static void multiply(INDArray a, INDArray b, INDArray out, double alpha, double beta) {
        Nd4j.gemm(a, b, out, false, false, alpha, beta);
    }

    /** y += alpha x (BLAS daxpy over all entries); x and y have the same shape. */
    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), alpha, x, y);
    }

    /** a += c I, through a strided view of the diagonal of the flat row-major buffer. */
    static void addToDiagonal(INDArray a, double c) {
        long n = a.rows();
        a.reshape(n * n).get(NDArrayIndex.interval(0, n + 1, n * n)).addi(c);
    }

    /** ||a||_1 = max_j sum_i |a_ij|, the maximum absolute column sum. */
    static double norm1(INDArray a) {
        return a.norm1(0).maxNumber().doubleValue();
    }
}
