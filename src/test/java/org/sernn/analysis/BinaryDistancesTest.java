package org.sernn.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Breadth-first binary distances against Floyd-Warshall on the binarised graph. */
class BinaryDistancesTest {

    @Test
    void breadthFirstSearchAgreesWithFloydWarshallOnSparseAndDisconnectedGraphs() {
        SplittableRandom random = new SplittableRandom(9);
        boolean sawUnreachable = false;
        for (double density : new double[] {0.02, 0.05, 0.2}) {
            for (int trial = 0; trial < 5; trial++) {
                int n = 40;
                double[][] a = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = i != j && random.nextDouble() < density ? 0.1 + random.nextDouble() : 0.0;
                    }
                }
                double[][] bfs = GraphPaths.binaryDistances(a);
                double[][] floyd = GraphPaths.distances(Graphs.binarised(a));
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(floyd[i], bfs[i], 0.0);
                    sawUnreachable |= java.util.Arrays.stream(bfs[i]).anyMatch(Double::isInfinite);
                }
            }
        }
        assertTrue(sawUnreachable, "the sparsest graphs must include unreachable pairs");
    }
}
