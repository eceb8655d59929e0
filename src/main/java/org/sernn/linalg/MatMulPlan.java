package org.sernn.linalg;

/**
 * A repeated product out = left * W^T (or left * W) with a fixed W, for time loops: the native
 * operands are allocated once, the Java arrays are copied in and out in bulk and the product is one
 * direct dgemm ({@link Gemm}), so a step allocates nothing. All arrays are row-major doubles.
 */
public final class MatMulPlan {
    private final NativeDoubles right;
    private final boolean transposeRight;
    private final NativeDoubles left;
    private final NativeDoubles out;
    private final int leftRows;
    private final int inner;
    private final int outCols;

    private MatMulPlan(double[] w, int wRows, int wCols, int leftRows, boolean transposeRight) {
        this.right = NativeDoubles.copyOf(w);
        this.transposeRight = transposeRight;
        this.leftRows = leftRows;
        this.inner = transposeRight ? wCols : wRows;
        this.outCols = transposeRight ? wRows : wCols;
        this.left = new NativeDoubles((long) leftRows * inner);
        this.out = new NativeDoubles((long) leftRows * outCols);
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
        left.put(leftArray, leftOffset, leftRows * inner, 0);
        if (transposeRight) {
            Gemm.timesTransposeOf(left, 0, right, 0, out, 0, leftRows, inner, outCols, 0.0);
        } else {
            Gemm.times(left, 0, right, 0, out, 0, leftRows, inner, outCols, 0.0);
        }
        out.get(0, outArray, outOffset, leftRows * outCols);
    }
}
