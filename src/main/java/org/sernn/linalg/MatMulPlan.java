package org.sernn.linalg;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A repeated product out = left * W^T (or left * W) with a fixed W, for time loops: the ND4J
 * arrays are allocated once and the Java arrays are copied through direct-buffer views, so a step
 * allocates nothing. All arrays are row-major doubles.
 */
public final class MatMulPlan {
    private final INDArray right;
    private final boolean transposeRight;
    private final INDArray left;
    private final INDArray out;
    private final DoubleBuffer leftView;
    private final DoubleBuffer outView;
    private final int leftSize;
    private final int outSize;

    private MatMulPlan(double[] w, int wRows, int wCols, int leftRows, boolean transposeRight) {
        this.right = Nd4jArrays.matrix(w, wRows, wCols);
        this.transposeRight = transposeRight;
        int inner = transposeRight ? wCols : wRows;
        int outCols = transposeRight ? wRows : wCols;
        this.left = Nd4j.create(DataType.DOUBLE, leftRows, inner);
        this.out = Nd4j.create(DataType.DOUBLE, leftRows, outCols);
        this.leftView = Nd4jArrays.view(left);
        this.outView = Nd4jArrays.view(out);
        this.leftSize = leftRows * inner;
        this.outSize = leftRows * outCols;
    }

    /** out (leftRows, wRows) = left (leftRows, wCols) W^T, for W (wRows, wCols). */
    public static MatMulPlan timesTransposeOf(double[] w, int wRows, int wCols, int leftRows) {
        return new MatMulPlan(w, wRows, wCols, leftRows, true);
    }

    /** out (leftRows, wCols) = left (leftRows, wRows) W, for W (wRows, wCols). */
    public static MatMulPlan times(double[] w, int wRows, int wCols, int leftRows) {
        return new MatMulPlan(w, wRows, wCols, leftRows, false);
    }

    /** Reads the left factor from {@code leftArray[leftOffset ..]} and writes the product to {@code outArray[outOffset ..]}. */
    public void apply(double[] leftArray, int leftOffset, double[] outArray, int outOffset) {
        leftView.position(0);
        leftView.put(leftArray, leftOffset, leftSize);
        Nd4j.gemm(left, right, out, false, transposeRight, 1.0, 0.0);
        outView.position(0);
        outView.get(outArray, outOffset, outSize);
    }
}
