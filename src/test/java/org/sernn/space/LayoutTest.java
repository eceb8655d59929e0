package org.sernn.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.linalg.DenseMatrix;

class LayoutTest {
    @Test
    void gridFollowsNumpyMeshgridOrderOfTheOriginal() {
        // np.meshgrid(arange(5), arange(5), arange(4)) raveled: y slowest, then x, then z.
        Positions p = GridLayout.positions(5, 5, 4);
        assertEquals(100, p.size());
        double[][] expected = {{0, 0, 0}, {0, 0, 1}, {0, 0, 3}, {1, 0, 0}, {4, 0, 3}, {0, 1, 0}, {4, 4, 3}};
        int[] units = {0, 1, 3, 4, 19, 20, 99};
        for (int k = 0; k < units.length; k++) {
            assertEquals(expected[k][0], p.x(units[k]), "x of unit " + units[k]);
            assertEquals(expected[k][1], p.y(units[k]), "y of unit " + units[k]);
            assertEquals(expected[k][2], p.z(units[k]), "z of unit " + units[k]);
        }
    }

    @Test
    void distanceMatrixIsEuclideanSymmetricWithZeroDiagonal() {
        DenseMatrix d = GridLayout.positions(5, 5, 4).distanceMatrix();
        assertEquals(Math.sqrt(16 + 16 + 9), d.get(0, 99), 1e-15);
        assertEquals(1.0, d.get(0, 1));
        assertEquals(1.0, d.get(0, 4));
        for (int i = 0; i < 100; i++) {
            assertEquals(0.0, d.get(i, i));
            for (int j = 0; j < 100; j++) {
                assertEquals(d.get(i, j), d.get(j, i));
            }
        }
    }

    @Test
    void csvWithHeaderIsReadAndNormalisedPerAxis(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("somas.csv");
        Files.writeString(file, "x,y,z\n10,200,-1\n20,100,-1\n# a comment\n\n15,300,-1\n");
        Positions raw = CsvLayout.read(file, 3);
        assertEquals(20.0, raw.x(1));
        Positions normalised = MinMaxNormalisation.apply(raw);
        assertEquals(0.0, normalised.x(0));
        assertEquals(1.0, normalised.x(1));
        assertEquals(0.5, normalised.x(2));
        assertEquals(0.5, normalised.y(0));
        assertEquals(0.0, normalised.z(2), "a flat axis maps to 0");
    }
}
