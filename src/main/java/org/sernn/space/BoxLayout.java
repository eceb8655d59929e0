package org.sernn.space;

import java.util.SplittableRandom;
import org.sernn.linalg.DenseMatrix;

/** Units placed uniformly at random in an axis-aligned box [0, sx) x [0, sy) x [0, sz). */
public final class BoxLayout {
    private BoxLayout() {
    }

    public static Positions positions(int n, double sizeX, double sizeY, double sizeZ, SplittableRandom random) {
        double[] xyz = new double[n * 3];
        double[] size = {sizeX, sizeY, sizeZ};
        for (int unit = 0; unit < n; unit++) {
            for (int axis = 0; axis < 3; axis++) {
                xyz[unit * 3 + axis] = random.nextDouble() * size[axis];
            }
        }
        return new Positions(DenseMatrix.of(n, 3, xyz));
    }
}
