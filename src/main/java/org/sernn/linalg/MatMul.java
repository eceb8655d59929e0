package org.sernn.linalg;

/** One-off dense products of row-major double arrays, one direct dgemm each ({@link Gemm}). */
public final class MatMul {
    private MatMul() {
    }

    /** a^T b: a is (rows, aCols), b is (rows, bCols); returns (aCols, bCols). Sums over the shared rows. */
    public static double[] transposeATimesB(double[] a, int rows, int aCols, double[] b, int bCols) {
        NativeDoubles out = new NativeDoubles((long) aCols * bCols);
        Gemm.transposeTimes(NativeDoubles.copyOf(a), 0, NativeDoubles.copyOf(b), 0, out, 0, aCols, rows, bCols, 0.0);
        return toArray(out);
    }

    /** a b^T: a is (rows, inner), b is (bRows, inner); returns (rows, bRows). */
    public static double[] timesTransposeOf(double[] a, int rows, int inner, double[] b, int bRows) {
        NativeDoubles out = new NativeDoubles((long) rows * bRows);
        Gemm.timesTransposeOf(NativeDoubles.copyOf(a), 0, NativeDoubles.copyOf(b), 0, out, 0, rows, inner, bRows, 0.0);
        return toArray(out);
    }

    /** a b: a is (rows, inner), b is (inner, cols); returns (rows, cols). */
    public static double[] times(double[] a, int rows, int inner, double[] b, int cols) {
        NativeDoubles out = new NativeDoubles((long) rows * cols);
        Gemm.times(NativeDoubles.copyOf(a), 0, NativeDoubles.copyOf(b), 0, out, 0, rows, inner, cols, 0.0);
        return toArray(out);
    }

    private static double[] toArray(NativeDoubles x) {
        double[] values = new double[(int) x.length()];
        x.get(0, values, 0, values.length);
        return values;
    }
}
