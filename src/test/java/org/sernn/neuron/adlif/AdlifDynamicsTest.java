package org.sernn.neuron.adlif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sernn.model.StatePrecision;

/** The adLIF step against hand-worked trajectories, a fixed point and a plain re-implementation. */
class AdlifDynamicsTest {
    private static AdlifDynamics single(double alpha, double beta, double a, double b, AdlifDiscretisation d) {
        return new AdlifDynamics(new AdlifParameters(new double[] {alpha}, new double[] {beta}, new double[] {a},
                new double[] {b}, d, null));
    }

    /** Three steps of one unit with a constant input that makes it spike at step 1, worked by hand. */
    @Test
    void bittarGarnerStepsMatchTheHandWorkedTrajectory() {
        double alpha = 0.9;
        double beta = 0.97;
        double a = 0.5;
        double b = 1.5;
        double input = 12.0;
        AdlifDynamics units = single(alpha, beta, a, b, AdlifDiscretisation.BITTAR_GARNER);
        AdlifState state = units.newState(1);
        double[] current = {input};
        // t = 1: w = 0, u = 0.1 * 12 = 1.2 > 1: spike.
        assertEquals(1, units.step(state, 0, current, 0));
        assertEquals(0.0, state.adaptation()[0]);
        assertEquals(1.2, state.voltage()[0], 1e-15);
        // t = 2: w = a u1 + b s1 = 0.6 + 1.5 = 2.1; u = 0.9 (1.2 - 1) + 0.1 (12 - 2.1) = 0.18 + 0.99 = 1.17.
        assertEquals(1, units.step(state, 0, current, 0));
        assertEquals(2.1, state.adaptation()[0], 1e-15);
        assertEquals(1.17, state.voltage()[0], 1e-15);
        // t = 3: w = 0.97 * 2.1 + 0.5 * 1.17 + 1.5 = 4.122; u = 0.9 * 0.17 + 0.1 (12 - 4.122) = 0.9408: silent.
        assertEquals(0, units.step(state, 0, current, 0));
        assertEquals(4.122, state.adaptation()[0], 1e-14);
        assertEquals(0.9408, state.voltage()[0], 1e-14);
    }

    /** The same three steps with the symplectic-Euler order: w sees the new, reset membrane. */
    @Test
    void symplecticEulerStepsMatchTheHandWorkedTrajectory() {
        AdlifDynamics units = single(0.9, 0.97, 0.5, 1.5, AdlifDiscretisation.SYMPLECTIC_EULER);
        AdlifState state = units.newState(1);
        double[] current = {12.0};
        // t = 1: u = 1.2 > 1: spike; w = 0.5 (1.2 - 1) + 1.5 = 1.6.
        assertEquals(1, units.step(state, 0, current, 0));
        assertEquals(1.2, state.voltage()[0], 1e-15);
        assertEquals(1.6, state.adaptation()[0], 1e-15);
        // t = 2: u = 0.9 * 0.2 + 0.1 (12 - 1.6) = 1.22: spike; w = 0.97 * 1.6 + 0.5 * 0.22 + 1.5 = 3.162.
        assertEquals(1, units.step(state, 0, current, 0));
        assertEquals(1.22, state.voltage()[0], 1e-15);
        assertEquals(3.162, state.adaptation()[0], 1e-14);
        // t = 3: u = 0.9 * 0.22 + 0.1 (12 - 3.162) = 1.0818: spike again.
        assertEquals(1, units.step(state, 0, current, 0));
        assertEquals(1.0818, state.voltage()[0], 1e-14);
    }

    /**
     * Below threshold the unit is linear; with a constant input I it settles at the fixed point
     * w* = a u* / (1 - beta), u* = I - w*, that is u* = I (1 - beta) / (1 - beta + a), in both orders.
     */
    @ParameterizedTest
    @EnumSource(AdlifDiscretisation.class)
    void subthresholdUnitSettlesAtTheAnalyticFixedPoint(AdlifDiscretisation order) {
        double alpha = Math.exp(-1.0 / 10);
        double beta = Math.exp(-1.0 / 60);
        double a = 0.4;
        double input = 0.9;
        AdlifDynamics units = single(alpha, beta, a, 1.0, order);
        AdlifState state = units.newState(1);
        for (int t = 0; t < 5000; t++) {
            assertEquals(0, units.step(state, 0, new double[] {input}, 0), "stays below threshold");
        }
        double uStar = input * (1 - beta) / (1 - beta + a);
        assertEquals(uStar, state.voltage()[0], 1e-12);
        assertEquals(a * uStar / (1 - beta), state.adaptation()[0], 1e-12);
        assertTrue(uStar < 0.1, "the coupling a pulls the membrane far below the input: " + uStar);
    }

    /**
     * The stability boundary behind a >= 0: below threshold the unit's (u, w) map has an eigenvalue
     * above 1 exactly when a < -(1 - beta). Just below it the membrane runs away from its fixed point
     * without bound (downwards, with a small negative input, where no spike resets it); just above
     * it the unit settles at its fixed point u* = I (1 - beta) / (1 - beta + a).
     */
    @ParameterizedTest
    @EnumSource(AdlifDiscretisation.class)
    void negativeCouplingBelowMinusOneMinusBetaIsUnstable(AdlifDiscretisation order) {
        double alpha = Math.exp(-1.0 / 10);
        double beta = Math.exp(-1.0 / 60);
        double boundary = -(1 - beta);
        double input = -0.01;
        AdlifDynamics unstable = single(alpha, beta, boundary - 0.005, 0.0, order);
        AdlifState state = unstable.newState(1);
        for (int t = 0; t < 20_000; t++) {
            unstable.step(state, 0, new double[] {input}, 0);
        }
        assertTrue(Math.abs(state.voltage()[0]) > 1e6, "runs away: u = " + state.voltage()[0]);
        double a = boundary + 0.005;
        AdlifDynamics stable = single(alpha, beta, a, 0.0, order);
        state = stable.newState(1);
        for (int t = 0; t < 20_000; t++) {
            assertEquals(0, stable.step(state, 0, new double[] {input}, 0), "stays below threshold");
        }
        assertEquals(input * (1 - beta) / (1 - beta + a), state.voltage()[0], 1e-9);
    }

    /**
     * With theta = 1 the symplectic-Euler order is the Bittar-Garner one with b replaced by b - a and
     * w shifted by one step: a relation between the two codes that neither uses.
     */
    @Test
    void symplecticEulerIsBittarGarnerWithBMinusA() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 30;
        // a >= 0 keeps the subthreshold dynamics contracting, so rounding differences do not grow.
        AdlifRanges ranges = new AdlifRanges(1.0, 5, 25, 30, 120, 0, 1, 1, 2);
        AdlifParameters se = AdlifReference.uniform(n, ranges, AdlifDiscretisation.SYMPLECTIC_EULER, random);
        double[] bMinusA = new double[n];
        for (int j = 0; j < n; j++) {
            bMinusA[j] = se.b()[j] - se.a()[j];
        }
        AdlifParameters bg = new AdlifParameters(se.alpha(), se.beta(), se.a(), bMinusA,
                AdlifDiscretisation.BITTAR_GARNER, null);
        AdlifDynamics seUnits = new AdlifDynamics(se);
        AdlifDynamics bgUnits = new AdlifDynamics(bg);
        AdlifState seState = seUnits.newState(1);
        AdlifState bgState = bgUnits.newState(1);
        double[] current = new double[n];
        double[] seW = new double[n];
        int spikes = 0;
        for (int t = 0; t < 150; t++) {
            for (int j = 0; j < n; j++) {
                current[j] = 60 * random.nextDouble();
            }
            int count = seUnits.step(seState, 0, current, 0);
            assertEquals(count, bgUnits.step(bgState, 0, current, 0), "step " + t);
            spikes += count;
            for (int j = 0; j < n; j++) {
                assertEquals(seState.voltage()[j], bgState.voltage()[j], 1e-9, "u, step " + t);
                if (t > 0) {
                    assertEquals(seW[j], bgState.adaptation()[j], 1e-9, "w_{t-1} of one is w_t of the other");
                }
            }
            System.arraycopy(seState.adaptation(), 0, seW, 0, n);
        }
        assertTrue(spikes > 150, "the comparison covers spiking: " + spikes);
    }

    /** The population step equals the unit-by-unit reference bit for bit, on a recurrent network. */
    @ParameterizedTest
    @EnumSource(AdlifDiscretisation.class)
    void populationStepEqualsThePlainReferenceBitForBit(AdlifDiscretisation order) {
        AdlifReference reference = new AdlifReference(4, 25, 3, 10.0, order == AdlifDiscretisation.SYMPLECTIC_EULER,
                11);
        int steps = 200;
        SplittableRandom random = new SplittableRandom(12);
        double[][] x = new double[steps][4];
        for (double[] row : x) {
            for (int k = 0; k < 4; k++) {
                row[k] = random.nextDouble() < 0.3 ? 1.0 : 0.0;
            }
        }
        AdlifReference.Trajectory expected = reference.run(x);
        AdlifDynamics units = new AdlifDynamics(reference.parameters());
        AdlifState state = units.newState(2);
        int n = reference.n;
        double[] current = new double[2 * n];
        int spikes = 0;
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < n; j++) {
                double sum = reference.bRec[j];
                for (int k = 0; k < 4; k++) {
                    sum += reference.wIn[j * 4 + k] * x[t][k];
                }
                for (int i = 0; i < n; i++) {
                    sum += reference.wRec[j * n + i] * state.spikeFlags()[n + i];
                }
                current[n + j] = sum;
            }
            int count = units.step(state, 1, current, n);
            spikes += count;
            for (int j = 0; j < n; j++) {
                assertEquals(expected.u()[t][j], state.voltage()[n + j], 0.0, "u, step " + t);
                assertEquals(expected.w()[t][j], state.adaptation()[n + j], 0.0, "w, step " + t);
                assertEquals(expected.s()[t][j], state.spikeFlags()[n + j], 0.0, "s, step " + t);
            }
            int[] spiked = state.spiked(1);
            for (int s = 0; s < count; s++) {
                assertEquals(1.0, expected.s()[t][spiked[s]]);
            }
            assertEquals(0.0, state.voltage()[0], "trial 0 untouched");
        }
        assertTrue(spikes > steps / 4, "the network spikes: " + spikes);
    }

    /** With a state precision, u and w are rounded after each update: multiples of their steps, clamped. */
    @ParameterizedTest
    @EnumSource(AdlifDiscretisation.class)
    void fixedPointStateRoundsMembraneAndAdaptation(AdlifDiscretisation order) {
        StatePrecision precision = new StatePrecision(1.0 / 64, 4.0, 1.0 / 32, 2.0);
        AdlifParameters exact = new AdlifParameters(new double[] {0.9}, new double[] {0.97}, new double[] {0.5},
                new double[] {1.5}, order, null);
        AdlifParameters rounded = new AdlifParameters(exact.alpha(), exact.beta(), exact.a(), exact.b(), order,
                precision);
        AdlifDynamics exactUnits = new AdlifDynamics(exact);
        AdlifDynamics roundedUnits = new AdlifDynamics(rounded);
        AdlifState exactState = exactUnits.newState(1);
        AdlifState state = roundedUnits.newState(1);
        double largestGap = 0;
        int spikes = 0;
        for (int t = 0; t < 200; t++) {
            double[] current = {t % 50 < 25 ? 30.0 : 0.0};
            exactUnits.step(exactState, 0, current, 0);
            spikes += roundedUnits.step(state, 0, current, 0);
            double u = state.voltage()[0];
            double w = state.adaptation()[0];
            assertEquals(Math.rint(u * 64) / 64, u, 0.0, "u on its grid");
            assertEquals(Math.rint(w * 32) / 32, w, 0.0, "w on its grid");
            assertTrue(Math.abs(u) <= 4.0 && Math.abs(w) <= 2.0, "within the limits");
            largestGap = Math.max(largestGap, Math.abs(u - exactState.voltage()[0]));
        }
        assertTrue(spikes > 5, "spikes: " + spikes);
        assertTrue(largestGap > 0, "rounding changed the trajectory");
    }

    @Test
    void rangesAreSparchsAndClampingKeepsParametersInside() {
        AdlifRanges ranges = AdlifRanges.sparch(1.0);
        assertEquals(Math.exp(-1.0 / 5), ranges.alphaMin(), 0.0);
        assertEquals(Math.exp(-1.0 / 25), ranges.alphaMax(), 0.0);
        assertEquals(Math.exp(-1.0 / 30), ranges.betaMin(), 0.0);
        assertEquals(Math.exp(-1.0 / 120), ranges.betaMax(), 0.0);
        AdlifRanges coarse = AdlifRanges.sparch(2.0);
        assertEquals(Math.exp(-2.0 / 5), coarse.alphaMin(), 0.0, "time constants stay in ms as dt changes");
        double[] values = {0.5, 0.95, 2, 0.98, -3, 0.25, -1, 5};
        ranges.clamp(values, 2);
        assertArrayEquals(new double[] {ranges.alphaMin(), 0.95, ranges.betaMax(), 0.98, 0, 0.25, 0, 2}, values);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AdlifParameters(new double[] {1.0}, new double[] {0.98}, new double[] {0}, new double[] {1},
                        AdlifDiscretisation.BITTAR_GARNER, null));
        assertTrue(error.getMessage().contains("alpha of unit 0 is 1.0"), error.getMessage());
        AdlifParameters drawn = AdlifReference.uniform(500, ranges, AdlifDiscretisation.BITTAR_GARNER,
                new SplittableRandom(1));
        double aMean = 0;
        for (int j = 0; j < 500; j++) {
            assertTrue(drawn.alpha()[j] >= ranges.alphaMin() && drawn.alpha()[j] <= ranges.alphaMax());
            assertTrue(drawn.beta()[j] >= ranges.betaMin() && drawn.beta()[j] <= ranges.betaMax());
            assertTrue(drawn.b()[j] >= 0 && drawn.b()[j] <= 2);
            aMean += drawn.a()[j] / 500;
        }
        assertEquals(0.5, aMean, 0.05, "a uniform in [0, 1]");
    }
}
