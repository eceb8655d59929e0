package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;

class NetworkFactoryTest {
    private static Network build(String yaml) {
        return NetworkFactory.build(ConfigLoader.fromYaml(yaml, "inline"), Path.of("."));
    }

    @Test
    void sameConfigAndSeedGiveTheSameNetworkAndAnotherSeedDoesNot() {
        String yaml = "seed: 5\nneuron: {alif_fraction: 0.5, tau_m_distribution: {shape: 3}}\n";
        assertEquals(build(yaml), build(yaml));
        assertNotEquals(build(yaml), build(yaml.replace("seed: 5", "seed: 6")));
    }

    @Test
    void orthogonalInitIsOrthogonalTimesGain() {
        Network network = build("neuron: {type: rate}\nweights: {w_rec: {init: orthogonal, gain: 1.5}}\n");
        DenseMatrix w = network.wRec();
        int n = w.rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += w.get(i, k) * w.get(j, k);
                }
                assertEquals(i == j ? 2.25 : 0.0, dot, 1e-10, "W W^T at " + i + ", " + j);
            }
        }
    }

    @Test
    void spikingNetworksHaveNoSelfConnectionsAndSparseInitKeepsTheFraction() {
        Network network = build("sizes: {recurrent: 400}\nspace: {layout: box}\n"
                + "weights: {w_rec: {init: gaussian, connection_prob: 0.1}}\n");
        DenseMatrix w = network.wRec();
        for (int i = 0; i < 400; i++) {
            assertEquals(0.0, w.get(i, i));
        }
        double fraction = w.countNonZero() / (400.0 * 400.0);
        // Binomial(160000, 0.1) has sd 0.00075 in the fraction; allow 5 sd (diagonal removes 40 entries).
        assertEquals(0.1, fraction, 0.004);
    }

    @Test
    void daleLawGivesEachPresynapticUnitOneSign() {
        Network network = build("weights: {w_rec: {init: gaussian}, dale: {excitatory_fraction: 0.8}}\n");
        boolean[] excitatory = network.neurons().excitatory();
        int excitatoryCount = 0;
        for (int pre = 0; pre < network.nRec(); pre++) {
            excitatoryCount += excitatory[pre] ? 1 : 0;
            for (int post = 0; post < network.nRec(); post++) {
                double w = network.wRec().get(post, pre);
                assertTrue(excitatory[pre] ? w >= 0 : w <= 0, "sign of w[" + post + ", " + pre + "]");
            }
        }
        assertEquals(80, excitatoryCount);
    }

    @Test
    void alifFractionAndHeterogeneousTausFollowTheConfig() {
        Network network = build("sizes: {recurrent: 1000}\nspace: {layout: box}\n"
                + "weights: {w_rec: {init: gaussian, connection_prob: 0.01}}\n"
                + "neuron: {alif_fraction: 0.3, beta: 0.2, tau_m_ms: 20, tau_m_distribution: {shape: 3, min_ms: 1.5, max_ms: 100}}\n");
        NeuronParams p = network.neurons();
        int adaptive = 0;
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            adaptive += p.isAdaptive(i) ? 1 : 0;
            double tau = p.tauMMs()[i];
            assertTrue(tau >= 1.5 && tau <= 100, "tau_m in its clamp range");
            sum += tau;
        }
        assertEquals(300, adaptive);
        // Gamma(3, 20/3) has mean 20 and sd 11.5; the mean of 1000 has sd 0.37 (clamping shifts it slightly).
        assertEquals(20.0, sum / 1000, 1.5);
    }
}
