package org.sernn.space;

import org.sernn.linalg.DenseMatrix;

/**
 * Positions of the recurrent units in 3D space, one row (x, y, z) per unit, in arbitrary length
 * units (grid steps for the default grid).
 */
public record Positions(DenseMatrix xyz) {

    public Positions {
        if (xyz.cols() != 3) {
            throw new IllegalArgumentException("positions need 3 columns (x, y, z), got " + xyz.cols());
        }
    }

    public int size() {
        return xyz.rows();
    }

    public double x(int unit) {
        return xyz.get(unit, 0);
    }

    public double y(int unit) {
        return xyz.get(unit, 1);
    }

    public double z(int unit) {
        return xyz.get(unit, 2);
    }

    /** Euclidean distance between two units. */
    public double distance(int i, int j) {
        double dx = x(i) - x(j);
        double dy = y(i) - y(j);
        double dz = z(i) - z(j);
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * The Euclidean distance matrix D[i][j] (distance power 1, D[i][i] = 0), as in the seRNN
     * (Achterberg, Akarca et al., Nat. Mach. Intell. 2023).
     */
    public DenseMatrix distanceMatrix() {
        int n = size();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dij = distance(i, j);
                d[i * n + j] = dij;
                d[j * n + i] = dij;
            }
        }
        return DenseMatrix.of(n, n, d);
    }
}
