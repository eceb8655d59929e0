package org.sernn.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An immutable sparse matrix in compressed sparse row form (CSR): the entries of row r sit at
 * [{@link #rowStart}(r), rowStart(r + 1)), columns increasing, and only entries that are not exactly
 * zero are stored (a -0.0 is no entry). A (post, pre) weight matrix at 1% density takes 12 bytes per
 * synapse here against 8 bytes per post-pre pair dense.
 */
public final class SparseMatrix {
    /** Rows per block of the parallel gather: large enough that a block's bookkeeping is negligible. */
    private static final int ROWS_PER_BLOCK = 256;

    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] col;
    private final double[] value;

    private SparseMatrix(int rows, int cols, int[] rowStart, int[] col, double[] value) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.col = col;
        this.value = value;
    }

    /**
     * The non-zero entries of a dense matrix, gathered in one pass: blocks of rows are read in
     * parallel, each into its own arrays, then laid end to end (the result does not depend on the
     * number of blocks).
     */
    public static SparseMatrix of(DenseMatrix matrix) {
        int rows = matrix.rows();
        int blocks = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        Builder[] gathered = new Builder[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> gathered[b] = gather(matrix, b * ROWS_PER_BLOCK,
                Math.min(rows, (b + 1) * ROWS_PER_BLOCK)));
        int total = 0;
        for (Builder block : gathered) {
            total += block.size;
        }
        Builder joined = new Builder(rows, matrix.cols(), total);
        for (Builder block : gathered) {
            joined.appendRows(block);
        }
        return joined.build();
    }

    private static Builder gather(DenseMatrix matrix, int from, int to) {
        int cols = matrix.cols();
        Builder block = new Builder(to - from, cols, cols);
        for (int row = from; row < to; row++) {
            block.reserve(cols);
            block.size += matrix.nonZerosOfRow(row, block.col, block.value, block.size);
            block.endRow();
        }
        return block;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored (non-zero) entries. */
    public int nonZeros() {
        return rowStart[rows];
    }

    /** Index of row {@code row}'s first entry; {@code rowStart(rows())} is {@link #nonZeros()}. */
    public int rowStart(int row) {
        return rowStart[row];
    }

    /** Column of entry k (in row-major order). */
    public int colAt(int k) {
        return col[k];
    }

    /** Value of entry k (in row-major order). */
    public double valueAt(int k) {
        return value[k];
    }

    /** The same matrix dense. */
    public DenseMatrix toDense() {
        double[] dense = new double[Math.multiplyExact(rows, cols)];
        for (int row = 0; row < rows; row++) {
            for (int k = rowStart[row]; k < rowStart[row + 1]; k++) {
                dense[row * cols + col[k]] = value[k];
            }
        }
        return DenseMatrix.wrapping(rows, cols, dense);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseMatrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.rowStart, rowStart) && Arrays.equals(m.col, col) && Arrays.equals(m.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + nonZeros();
    }

    @Override
    public String toString() {
        return "SparseMatrix(" + rows + ", " + cols + ", " + nonZeros() + " non-zeros)";
    }

    /** Builds a matrix row by row: {@link #add} the entries of a row with increasing columns, then {@link #endRow}. */
    public static final class Builder {
        private final int rows;
        private final int cols;
        private final int[] rowEnd;
        private int row;
        private int[] col;
        private double[] value;
        private int size;

        public Builder(int rows, int cols) {
            this(rows, cols, 16);
        }

        /** A builder with room for {@code capacity} entries before it grows. */
        public Builder(int rows, int cols, int capacity) {
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException("matrix shape must be non-negative, was (" + rows + ", " + cols + ")");
            }
            this.rows = rows;
            this.cols = cols;
            this.rowEnd = new int[rows];
            this.col = new int[Math.max(16, capacity)];
            this.value = new double[col.length];
        }

        /** Adds entry (current row, column) unless value is exactly zero; columns must increase within a row. */
        public void add(int column, double entry) {
            if (entry == 0.0) {
                return;
            }
            if (column < 0 || column >= cols || (size > rowStartOfCurrent() && col[size - 1] >= column)) {
                throw new IllegalArgumentException("column " + column + " out of order or range in row " + row);
            }
            reserve(1);
            col[size] = column;
            value[size] = entry;
            size++;
        }

        /** Closes the current row. */
        public void endRow() {
            if (row == rows) {
                throw new IllegalStateException("all " + rows + " rows are already closed");
            }
            rowEnd[row++] = size;
        }

        public SparseMatrix build() {
            if (row != rows) {
                throw new IllegalStateException(row + " of " + rows + " rows closed");
            }
            int[] rowStart = new int[rows + 1];
            System.arraycopy(rowEnd, 0, rowStart, 1, rows);
            return new SparseMatrix(rows, cols, rowStart, Arrays.copyOf(col, size), Arrays.copyOf(value, size));
        }

        private int rowStartOfCurrent() {
            return row == 0 ? 0 : rowEnd[row - 1];
        }

        private void reserve(int more) {
            if (col.length - size < more) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * col.length, (long) size + more));
                col = Arrays.copyOf(col, capacity);
                value = Arrays.copyOf(value, capacity);
            }
        }

        /** Appends the closed rows of another builder with the same columns. */
        private void appendRows(Builder other) {
            reserve(other.size);
            System.arraycopy(other.col, 0, col, size, other.size);
            System.arraycopy(other.value, 0, value, size, other.size);
            for (int r = 0; r < other.row; r++) {
                rowEnd[row++] = size + other.rowEnd[r];
            }
            size += other.size;
        }
    }
}
