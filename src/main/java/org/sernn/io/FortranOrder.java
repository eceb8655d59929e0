package org.sernn.io;

/**
 * Reorders the data of a {@code .npy} file written with {@code 'fortran_order': True}
 * (numpy.lib.format: the elements in column-major order, first index fastest) into C order.
 * NumPy writes such files for Fortran-contiguous arrays, e.g. {@code np.save(f, w.T)}.
 */
final class FortranOrder {

    private FortranOrder() {
    }

    /**
     * The same elements in C order (last index fastest).
     *
     * @param data     elements in Fortran order; not modified
     * @param shape    the array's shape
     * @param itemSize bytes per element
     */
    static byte[] toCOrder(byte[] data, int[] shape, int itemSize) {
        int elements = data.length / itemSize;
        byte[] reordered = new byte[data.length];
        long[] fortranStride = new long[shape.length];
        for (int k = 0; k < shape.length; k++) {
            fortranStride[k] = k == 0 ? 1 : fortranStride[k - 1] * shape[k - 1];
        }
        int[] index = new int[shape.length];
        long fortranPosition = 0;
        for (int c = 0; c < elements; c++) {
            System.arraycopy(data, (int) fortranPosition * itemSize, reordered, c * itemSize, itemSize);
            for (int k = shape.length - 1; k >= 0; k--) {
                index[k]++;
                fortranPosition += fortranStride[k];
                if (index[k] < shape[k]) {
                    break;
                }
                fortranPosition -= fortranStride[k] * shape[k];
                index[k] = 0;
            }
        }
        return reordered;
    }
}
