package org.sernn.neuron.alif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;

/**
 * The units whose pseudo-derivative may be non-zero after a step, as the ALIF gradients list them
 * (refractoriness read from the state after the step), against a direct computation that snapshots
 * "blocked" before the step and compares |v - A| with the support, over a noisy run with refractory
 * periods of 0 to 3 steps.
 */
class AlifNearThresholdTest {

    @Test
    void nearThresholdMatchesABeforeTheStepSnapshot() {
        int n = 40;
        SplittableRandom random = new SplittableRandom(11);
        double[] beta = new double[n];
        int[] nRef = new int[n];
        double[] vTh = new double[n];
        for (int j = 0; j < n; j++) {
            beta[j] = j % 2 == 0 ? 0.0 : 0.3;
            nRef[j] = j % 4;
            vTh[j] = 0.5 + 0.5 * random.nextDouble();
        }
        NeuronParams params = NeuronParams.builder(NeuronType.ALIF, n).dtMs(1).tauOutMs(20).tauMMs(20.0)
                .tauAMs(200.0).beta(beta).vTh(vTh).nRef(nRef).build();
        AlifModel model = new AlifModel(params);
        AlifDynamics dynamics = model.dynamics();
        double support = 0.8;
        AlifGradients gradients = (AlifGradients) model.gradients(support);
        AlifState state = dynamics.newState(2);
        double[] current = new double[2 * n];
        double[] thresholds = new double[n];
        int[] units = new int[n];
        double[] distance = new double[n];
        int listed = 0;
        int refractoryNear = 0;
        for (int t = 0; t < 300; t++) {
            for (int j = 0; j < current.length; j++) {
                current[j] = 0.4 * random.nextGaussian() + 0.05;
            }
            for (int trial = 0; trial < 2; trial++) {
                boolean[] blocked = new boolean[n];
                for (int j = 0; j < n; j++) {
                    blocked[j] = state.blocked(trial, j);
                }
                dynamics.step(state, trial, current, trial * n);
                dynamics.thresholds(state, trial, thresholds, 0);
                int count = gradients.nearThreshold(state, trial, units, distance, 0);
                int expectedCount = 0;
                int[] expectedUnits = new int[n];
                double[] expectedDistance = new double[n];
                for (int j = 0; j < n; j++) {
                    double gap = state.voltage()[trial * n + j] - thresholds[j];
                    boolean near = Math.abs(gap) < support * vTh[j] * (1 + 1e-9);
                    if (near && blocked[j]) {
                        refractoryNear++;
                    }
                    if (near && !blocked[j]) {
                        expectedUnits[expectedCount] = j;
                        expectedDistance[expectedCount++] = gap / vTh[j];
                    }
                }
                assertEquals(expectedCount, count, "step " + t + ", trial " + trial);
                for (int s = 0; s < count; s++) {
                    assertEquals(expectedUnits[s], units[s]);
                    assertEquals(expectedDistance[s], distance[s], 0.0);
                }
                listed += count;
            }
        }
        assertTrue(listed > 1000, "enough units near threshold: " + listed);
        assertTrue(refractoryNear > 100, "refractory units near threshold were excluded: " + refractoryNear);
        assertArrayEquals(vTh, gradients.thresholdScale());
    }
}
