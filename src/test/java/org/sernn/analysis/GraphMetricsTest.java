package org.sernn.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each BCT-style metric against values worked out by hand on small graphs. */
class GraphMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void ringLatticeClusteringPathLengthEfficiencyAndEntropies() {
        double[][] ring = SmallGraphs.ringLattice(10, 2);   // degree K = 4
        // Watts-Strogatz lattice: C = 3(K - 2) / (4(K - 1)) = 0.5
        assertEquals(0.5, Clustering.mean(Clustering.binary(ring)), EPS);
        assertEquals(0.5, Clustering.mean(Clustering.weighted(ring)), EPS);
        // from any node: 4 nodes at distance 1, 4 at 2, 1 at 3 -> L = 15 / 9
        assertEquals(15.0 / 9, GraphPaths.characteristicPathLength(GraphPaths.binaryDistances(ring)), EPS);
        // unit weights: E = (4 / 1 + 4 / 2 + 1 / 3) / 9
        assertEquals((4 + 2 + 1.0 / 3) / 9, GraphPaths.globalEfficiencyWeighted(ring), EPS);
        // 4-regular: leading eigenvalue 4; random walk uniform over 4 neighbours
        assertEquals(Math.log(4), Entropies.topological(ring), 1e-10);
        assertEquals(Math.log(4), Entropies.randomWalk(ring), EPS);
    }

    @Test
    void twoCliquesJoinedByAnEdge() {
        double[][] g = SmallGraphs.twoCliques(5);
        // 8 nodes with C = 1; the two bridge nodes: 6 of 10 neighbour pairs linked
        assertEquals((8 + 2 * 0.6) / 10, Clustering.mean(Clustering.binary(g)), EPS);
        // ordered pairs: 40 within cliques at 1; across (x2): 1 at 1, 8 at 2, 16 at 3
        assertEquals((40 + 2 * (1 + 16 + 48)) / 90.0, GraphPaths.characteristicPathLength(
                GraphPaths.binaryDistances(g)), EPS);
        // the two cliques: M = 21 edges, Q = 2 (10 / 21 - (21 / 42)^2)
        double expectedQ = 2 * (10.0 / 21 - 0.25);
        int[] cliques = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        assertEquals(expectedQ, Modularity.q(g, cliques, 1.0), EPS);
        Modularity spectral = SpectralModularity.detect(g, 1.0);
        assertArrayEquals(cliques, spectral.modules());
        assertEquals(expectedQ, spectral.q(), EPS);
        Modularity louvain = Louvain.detect(g, 1.0, 5, 7L);
        assertArrayEquals(cliques, louvain.modules());
        assertEquals(expectedQ, louvain.q(), EPS);
    }

    @Test
    void star() {
        double[][] g = SmallGraphs.star(5);
        assertEquals(0.0, Clustering.mean(Clustering.binary(g)), EPS);
        // 10 ordered centre-leaf pairs at 1, 20 leaf-leaf pairs at 2
        assertEquals(50.0 / 30, GraphPaths.characteristicPathLength(GraphPaths.binaryDistances(g)), EPS);
        assertEquals((10 + 20 * 0.5) / 30, GraphPaths.globalEfficiencyWeighted(g), EPS);
        assertEquals(0.5 * Math.log(5), Entropies.topological(g), 1e-10);   // leading eigenvalue sqrt(5)
        assertEquals(Math.log(5) / 6, Entropies.randomWalk(g), EPS);       // only the centre has a choice
        // a star has no community structure: no split raises Q above 0
        Modularity spectral = SpectralModularity.detect(g, 1.0);
        assertEquals(1, spectral.moduleCount());
        assertEquals(0.0, spectral.q(), EPS);
        assertTrue(Louvain.detect(g, 1.0, 5, 3L).q() <= EPS);
    }

    @Test
    void weightedClusteringOfATriangleIsTheGeometricMeanOfItsNormalisedWeights() {
        double[][] g = {{0, 1, 0.5}, {1, 0, 0.25}, {0.5, 0.25, 0}};
        assertEquals(Math.cbrt(1 * 0.5 * 0.25), Clustering.mean(Clustering.weighted(g)), EPS);
    }

    @Test
    void weightedPathsFollowInverseWeights() {
        // path 0-1 weight 1 (length 1), 1-2 weight 0.5 (length 2), 0-2 weight 0.2 (length 5): d(0,2) = 3
        double[][] g = {{0, 1, 0.2}, {1, 0, 0.5}, {0.2, 0.5, 0}};
        double expected = 2 * (1.0 / 1 + 1.0 / 2 + 1.0 / 3) / 6;
        assertEquals(expected, GraphPaths.globalEfficiencyWeighted(g), EPS);
    }

    @Test
    void proportionalThresholdKeepsTheStrongestEdges() {
        double[][] g = {{0, 6, 5, 4}, {6, 0, 3, 2}, {5, 3, 0, 1}, {4, 2, 1, 0}};
        double[][] kept = ProportionalThreshold.apply(g, 0.5);   // round(0.5 * 6) = 3 edges
        assertEquals(3, Graphs.undirectedEdges(kept));
        assertEquals(6, kept[1][0]);
        assertEquals(5, kept[0][2]);
        assertEquals(4, kept[3][0]);
        assertEquals(0, kept[1][2]);
    }

    @Test
    void erdosRenyiClusteringAndPathLengthMatchTheirExpectation() {
        int n = 200;
        int edges = 1990;   // p = 1990 / 19900 = 0.1
        double[][] g = SmallWorld.randomGraph(n, edges, new SplittableRandom(42));
        assertEquals(edges, Graphs.undirectedEdges(g));
        // E[C] = p for G(n, p)
        assertEquals(0.1, Clustering.mean(Clustering.binary(g)), 0.01);
        // a non-adjacent pair has no common neighbour with probability q = (1 - p^2)^(n - 2) and is then
        // (almost surely) at distance 3: E[L] = p + (1 - p)(2 + q)
        double q = Math.pow(1 - 0.01, n - 2);
        assertEquals(0.1 + 0.9 * (2 + q), GraphPaths.characteristicPathLength(GraphPaths.binaryDistances(g)), 0.01);
        // a random graph is not small-world against random graphs: sigma ~ 1
        assertEquals(1.0, SmallWorld.of(g, 20, 5L).sigma(), 0.05);
    }

    @Test
    void sigmaIsClusteringRatioOverPathLengthRatio() {
        double[][] ring = SmallGraphs.ringLattice(100, 5);   // K = 10
        SmallWorld sw = SmallWorld.of(ring, 50, 11L);
        double c = 3.0 * 8 / (4 * 9);
        assertEquals(c, sw.clustering(), EPS);
        // distances 1..5 to 10 nodes each, 6..9 to 10 nodes each, 10 to 9 nodes: sum over the 99 others
        double l = 0;
        for (int offset = 1; offset <= 99; offset++) {
            int ringOffset = Math.min(offset, 100 - offset);
            l += Math.ceil(ringOffset / 5.0);
        }
        l /= 99;
        assertEquals(l, sw.pathLength(), EPS);
        assertEquals((c / sw.nullClustering()) / (l / sw.nullPathLength()), sw.sigma(), EPS);
        // the lattice is far more clustered than its nulls (C_null ~ 10 / 99), so sigma > 1 (inverted: < 1)
        assertTrue(sw.nullClustering() < 0.15 && sw.sigma() > 1.5, "sigma " + sw.sigma());
    }
}
