package org.sernn.linalg;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between Java arrays and ND4J double arrays in bulk through direct-buffer views.
 * ({@code Nd4j.create(double[], ...)} copies element by element, which costs more than a small GEMM.)
 */
public final class Nd4jArrays {
    private Nd4jArrays() {
    }

    /** A new C-ordered (rows, cols) double array holding a copy of {@code rowMajor}. */
    public static INDArray matrix(double[] rowMajor, int rows, int cols) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException("(" + rows + ", " + cols + ") needs " + rows * cols + " values, got "
                    + rowMajor.length);
        }
        INDArray array = Nd4j.createUninitialized(DataType.DOUBLE, new long[] {rows, cols}, 'c');
        view(array).put(rowMajor);
        return array;
    }

    /** The entries of a double array in row-major order (a copy). */
    public static double[] toArray(INDArray array) {
        INDArray c = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
        double[] out = new double[(int) c.length()];
        view(c).get(out);
        return out;
    }

    /** A direct view of a C-ordered double array's buffer, positioned at 0. */
    public static DoubleBuffer view(INDArray array) {
        DoubleBuffer buffer = array.data().asNioDouble();
        buffer.position(0);
        return buffer;
    }
}
