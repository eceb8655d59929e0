package org.sernn.space;

import org.sernn.linalg.DenseMatrix;

/**
 * Min-max normalisation of each axis to [0, 1], as applied to MICrONS soma coordinates
 * (Shakiba et al. 2026). An axis on which all units share one value maps to 0.
 */
public final class MinMaxNormalisation {
    private MinMaxNormalisation() {
    }

    public static Positions apply(Positions positions) {
        int n = positions.size();
        double[] xyz = positions.xyz().toArray();
        for (int axis = 0; axis < 3; axis++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int unit = 0; unit < n; unit++) {
                min = Math.min(min, xyz[unit * 3 + axis]);
                max = Math.max(max, xyz[unit * 3 + axis]);
            }
            double range = max - min;
            for (int unit = 0; unit < n; unit++) {
                xyz[unit * 3 + axis] = range > 0 ? (xyz[unit * 3 + axis] - min) / range : 0.0;
            }
        }
        return new Positions(DenseMatrix.of(n, 3, xyz));
    }
}
