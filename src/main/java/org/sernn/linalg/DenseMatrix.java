package org.sernn.linalg;

import java.util.Arrays;

/**
 * An immutable dense row-major matrix of doubles. Weight matrices are stored (post, pre), as in
 * PyTorch and NIR. Engines copy the data once into their own layouts ({@link #toArray()}).
 */
public final class DenseMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix holding a copy of {@code rowMajor}, which must have rows * cols entries. */
    public static DenseMatrix of(int rows, int cols, double[] rowMajor) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, was (" + rows + ", " + cols + ")");
        }
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix (" + rows + ", " + cols + ") needs " + (long) rows * cols
                    + " entries, got " + rowMajor.length);
        }
        return new DenseMatrix(rows, cols, rowMajor.clone());
    }

    /** A matrix that takes ownership of {@code rowMajor} (no copy): for this package's conversions. */
    static DenseMatrix wrapping(int rows, int cols, double[] rowMajor) {
        return new DenseMatrix(rows, cols, rowMajor);
    }

    public static DenseMatrix zeros(int rows, int cols) {
        return new DenseMatrix(rows, cols, new double[rows * cols]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /**
     * Writes the columns and values of row {@code row}'s entries that are not exactly zero, in
     * increasing column order, into {@code colsOut[at ..]} and {@code valuesOut[at ..]} (room for
     * {@link #cols()} more entries needed), and returns how many there are. Reads the row in place.
     */
    public int nonZerosOfRow(int row, int[] colsOut, double[] valuesOut, int at) {
        int base = row * cols;
        int count = at;
        for (int col = 0; col < cols; col++) {
            double value = data[base + col];
            if (value != 0.0) {
                colsOut[count] = col;
                valuesOut[count] = value;
                count++;
            }
        }
        return count - at;
    }

    /** A fresh row-major copy of the entries. */
    public double[] toArray() {
        return data.clone();
    }

    /** Number of entries that are not exactly zero. */
    public int countNonZero() {
        int count = 0;
        for (double value : data) {
            if (value != 0.0) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DenseMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DenseMatrix(" + rows + ", " + cols + ")";
    }
}
