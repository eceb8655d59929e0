package org.sernn.sim;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.sernn.linalg.DenseMatrix;

/**
 * The non-zero entries of a dense matrix in row-major order (CSR by rows), gathered in one pass over
 * the matrix into primitive arrays: blocks of rows are read in parallel, each into its own arrays,
 * then laid end to end. The result does not depend on the number of blocks.
 */
final class SparseRows {
    /** Rows per block: large enough that a block's bookkeeping is negligible next to reading it. */
    private static final int ROWS_PER_BLOCK = 256;

    /** Entries of row r are at [rowStart[r], rowStart[r + 1]). */
    final int[] rowStart;
    final int[] col;
    final double[] value;

    private SparseRows(int[] rowStart, int[] col, double[] value) {
        this.rowStart = rowStart;
        this.col = col;
        this.value = value;
    }

    static SparseRows of(DenseMatrix matrix) {
        int rows = matrix.rows();
        int blocks = (rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        Block[] gathered = new Block[blocks];
        IntStream.range(0, blocks).parallel().forEach(b -> gathered[b] = Block.read(matrix, b * ROWS_PER_BLOCK,
                Math.min(rows, (b + 1) * ROWS_PER_BLOCK)));
        int total = 0;
        for (Block block : gathered) {
            total += block.size;
        }
        int[] rowStart = new int[rows + 1];
        int[] col = new int[total];
        double[] value = new double[total];
        int at = 0;
        int row = 0;
        for (Block block : gathered) {
            for (int r = 0; r < block.rowEnd.length; r++) {
                rowStart[row + r + 1] = at + block.rowEnd[r];
            }
            row += block.rowEnd.length;
            System.arraycopy(block.col, 0, col, at, block.size);
            System.arraycopy(block.value, 0, value, at, block.size);
            at += block.size;
        }
        return new SparseRows(rowStart, col, value);
    }

    /** The non-zeros of rows [from, to), with each row's end offset within the block. */
    private static final class Block {
        int[] rowEnd;
        int[] col;
        double[] value;
        int size;

        static Block read(DenseMatrix matrix, int from, int to) {
            int cols = matrix.cols();
            Block block = new Block();
            block.rowEnd = new int[to - from];
            block.col = new int[Math.max(16, cols)];
            block.value = new double[block.col.length];
            for (int row = from; row < to; row++) {
                if (block.col.length - block.size < cols) {
                    int capacity = Math.max(block.col.length * 2, block.size + cols);
                    block.col = Arrays.copyOf(block.col, capacity);
                    block.value = Arrays.copyOf(block.value, capacity);
                }
                block.size += matrix.nonZerosOfRow(row, block.col, block.value, block.size);
                block.rowEnd[row - from] = block.size;
            }
            return block;
        }
    }
}
