package org.sernn.linalg;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-off dense products of row-major double arrays through ND4J GEMM. */
public final class MatMul {
    private MatMul() {
    }

    /** a^T b: a is (rows, aCols), b is (rows, bCols); returns (aCols, bCols). Sums over the shared rows. */
    public static double[] transposeATimesB(double[] a, int rows, int aCols, double[] b, int bCols) {
        INDArray left = Nd4jArrays.matrix(a, rows, aCols);
        INDArray right = Nd4jArrays.matrix(b, rows, bCols);
        INDArray out = Nd4j.create(DataType.DOUBLE, aCols, bCols);
        Nd4j.gemm(left, right, out, true, false, 1.0, 0.0);
        return Nd4jArrays.toArray(out);
    }

    /** a b^T: a is (rows, inner), b is (bRows, inner); returns (rows, bRows). */
    public static double[] timesTransposeOf(double[] a, int rows, int inner, double[] b, int bRows) {
        INDArray left = Nd4jArrays.matrix(a, rows, inner);
        INDArray right = Nd4jArrays.matrix(b, bRows, inner);
        INDArray out = Nd4j.create(DataType.DOUBLE, rows, bRows);
        Nd4j.gemm(left, right, out, false, true, 1.0, 0.0);
        return Nd4jArrays.toArray(out);
    }

    /** a b: a is (rows, inner), b is (inner, cols); returns (rows, cols). */
    public static double[] times(double[] a, int rows, int inner, double[] b, int cols) {
        INDArray left = Nd4jArrays.matrix(a, rows, inner);
        INDArray right = Nd4jArrays.matrix(b, inner, cols);
        INDArray out = Nd4j.create(DataType.DOUBLE, rows, cols);
        Nd4j.gemm(left, right, out, false, false, 1.0, 0.0);
        return Nd4jArrays.toArray(out);
    }
}
