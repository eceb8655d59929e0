package org.sernn.linalg;

/**
 * A weight matrix, stored (post, pre), held in the form it was made in: dense ({@link DenseMatrix})
 * or sparse ({@link SparseMatrix}, as a network drawn with a connection probability below 1 is). This
 * is the one place where one form becomes the other: {@link #asDense()} and {@link #asSparse()}
 * convert on first use and keep the result, so a 10,000-unit network at 1% density never builds its
 * 800 MB dense matrix unless a dense consumer (the dense engine, training, a dense export) asks.
 * Immutable as seen from outside; safe to share between threads.
 */
public final class WeightMatrix {
    private final int rows;
    private final int cols;
    private final boolean heldSparse;
    private volatile DenseMatrix dense;
    private volatile SparseMatrix sparse;

    private WeightMatrix(int rows, int cols, DenseMatrix dense, SparseMatrix sparse) {
        this.rows = rows;
        this.cols = cols;
        this.dense = dense;
        this.sparse = sparse;
        this.heldSparse = sparse != null;
    }

    public static WeightMatrix of(DenseMatrix dense) {
        return new WeightMatrix(dense.rows(), dense.cols(), dense, null);
    }

    public static WeightMatrix of(SparseMatrix sparse) {
        return new WeightMatrix(sparse.rows(), sparse.cols(), null, sparse);
    }

    /**
     * A matrix read as row-major values (a checkpoint's w_rec), held sparse when that is smaller
     * ({@link #worthHoldingSparse}) and no entry is -0.0 (the sparse form has no signed zeros, so its dense form
     * would not be the same bits), else dense. Takes ownership of {@code rowMajor}.
     */
    public static WeightMatrix ofRowMajor(int rows, int cols, double[] rowMajor) {
        if (rowMajor.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix (" + rows + ", " + cols + ") needs " + (long) rows * cols
                    + " entries, got " + rowMajor.length);
        }
        long nonZeros = 0;
        for (double value : rowMajor) {
            if (value != 0.0) {
                nonZeros++;
            } else if (Double.doubleToRawLongBits(value) != 0L) {
                return of(DenseMatrix.wrapping(rows, cols, rowMajor));
            }
        }
        if (!worthHoldingSparse(nonZeros, rowMajor.length)) {
            return of(DenseMatrix.wrapping(rows, cols, rowMajor));
        }
        SparseMatrix.Builder sparse = new SparseMatrix.Builder(rows, cols, (int) nonZeros);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                sparse.add(col, rowMajor[row * cols + col]);
            }
            sparse.endRow();
        }
        return of(sparse.build());
    }

    /**
     * Whether a matrix with this many non-zeros among its entries is smaller sparse: at most a quarter
     * non-zero (12 bytes per entry sparse against 8 per element dense, with room to spare).
     */
    public static boolean worthHoldingSparse(long nonZeros, long entries) {
        return nonZeros <= entries / 4;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Whether the matrix was made sparse (its dense form is built only on demand). */
    public boolean heldSparse() {
        return heldSparse;
    }

    /** The dense form (built from the sparse one on the first call). */
    public DenseMatrix asDense() {
        DenseMatrix result = dense;
        if (result == null) {
            synchronized (this) {
                if (dense == null) {
                    dense = sparse.toDense();
                }
                result = dense;
            }
        }
        return result;
    }

    /** The sparse form: the non-zero entries (gathered from the dense one on the first call). */
    public SparseMatrix asSparse() {
        SparseMatrix result = sparse;
        if (result == null) {
            synchronized (this) {
                if (sparse == null) {
                    sparse = SparseMatrix.of(dense);
                }
                result = sparse;
            }
        }
        return result;
    }

    /** Equal when the dense forms are equal (compared sparse when both were made sparse). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof WeightMatrix m) || m.rows != rows || m.cols != cols) {
            return false;
        }
        return heldSparse && m.heldSparse ? m.sparse.equals(sparse) : m.asDense().equals(asDense());
    }

    /** Shape and number of non-zero entries, the same for equal matrices in either form. */
    @Override
    public int hashCode() {
        int nonZeros = heldSparse ? sparse.nonZeros() : dense.countNonZero();
        return 31 * (31 * rows + cols) + nonZeros;
    }

    @Override
    public String toString() {
        return "WeightMatrix(" + rows + ", " + cols + (heldSparse ? ", sparse)" : ", dense)");
    }
}
