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
        return gemm(Nd4jArrays.matrix(a, rows, aCols), true, Nd4jArrays.matrix(b, rows, bCols), false, aCols, bCols);
    }

    /** a b^T: a is (rows, inner), b is (bRows, inner); returns (rows, bRows). */
    public static double[] timesTransposeOf(double[] a, int rows, int inner, double[] b, int bRows) {
        return gemm(Nd4jArrays.matrix(a, rows, inner), false, Nd4jArrays.matrix(b, bRows, inner), true, rows, bRows);
    }

    /** a b: a is (rows, inner), b is (inner, cols); returns (rows, cols). */
    public static double[] times(double[] a, int rows, int inner, double[] b, int cols) {
        return gemm(Nd4jArrays.matrix(a, rows, inner), false, Nd4jArrays.matrix(b, inner, cols), false, rows, cols);
    }

    private static double[] gemm(INDArray left, boolean transposeLeft, INDArray right, boolean transposeRight,
            int outRows, int outCols) {
        INDArray out = Nd4j.create(DataType.DOUBLE, outRows, outCols);
        Nd4j.gemm(left, right, out, transposeLeft, transposeRight, 1.0, 0.0);
        return Nd4jArrays.toArray(out);
    }
}
