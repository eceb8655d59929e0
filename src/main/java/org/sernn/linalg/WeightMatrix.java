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
