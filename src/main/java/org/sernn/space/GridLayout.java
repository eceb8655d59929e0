package org.sernn.space;

import org.sernn.linalg.DenseMatrix;

/**
 * Units on an integer grid nx x ny x nz, in the order of the original seRNN code
 * (8erberg/spatially-embedded-RNN): {@code np.meshgrid(arange(nx), arange(ny), arange(nz))}
 * raveled in C order, so y varies slowest, then x, and z fastest.
 */
public final class GridLayout {
    private GridLayout() {
    }

    public static Positions positions(int nx, int ny, int nz) {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid sizes must be positive, were " + nx + " x " + ny + " x " + nz);
        }
        int n = nx * ny * nz;
        double[] xyz = new double[n * 3];
        for (int unit = 0; unit < n; unit++) {
            xyz[unit * 3] = (unit / nz) % nx;
            xyz[unit * 3 + 1] = unit / (nx * nz);
            xyz[unit * 3 + 2] = unit % nz;
        }
        return new Positions(DenseMatrix.of(n, 3, xyz));
    }
}
