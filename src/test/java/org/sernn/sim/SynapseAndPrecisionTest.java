package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronParams;
import org.sernn.model.StatePrecision;
import org.sernn.task.PoissonEncoder;

/**
 * The two optional extensions of the unit step: a current-based synapse (CUBA) against its closed
 * form, fixed-point state against a trajectory worked out by hand, and both engines giving the same
 * rasters with each.
 */
class SynapseAndPrecisionTest {
    private static final int STEPS = 300;
    private static final double V_TH = 0.6;
    private static final double CURRENT = 0.01;

    private static Network withNeurons(Network network, NeuronParams neurons) {
        return new Network(network.config(), network.positions(), neurons, network.wIn(), network.wRec(),
                network.wOut(), network.bRec(), network.bOut());
    }

    private static Network randomNetwork(int index, int n) {
        String yaml = "name: ext-" + index + "\nseed: " + (31 + index) + "\n"
                + "sizes: {inputs: 20, recurrent: " + n + ", outputs: 3}\n"
                + "space: {layout: box}\n"
                + "neuron: {type: alif, alif_fraction: 0.5, beta: 0.07, tau_a_ms: 200, n_ref: " + (index % 3)
                + ", tau_out_ms: 20}\n"
                + "weights:\n"
                + "  w_in: {init: gaussian, gain: 1.5, connection_prob: 0.5}\n"
                + "  w_rec: {init: gaussian, gain: 0.8, connection_prob: 0.2}\n";
        return NetworkFactory.build(ConfigLoader.fromYaml(yaml, "ext-" + index), Path.of("."));
    }

    private static InputBatch background(int index, int steps) {
        return PoissonEncoder.background(2, steps, 20, 40.0, 1.0, new SplittableRandom(index));
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 600})
    void enginesAgreeWithSynapses(int n) {
        Network plain = randomNetwork(n, n);
        SplittableRandom random = new SplittableRandom(n);
        double[] alphaSyn = new double[n];
        for (int j = 0; j < n; j++) {
            alphaSyn[j] = j % 4 == 0 ? 0.0 : Math.exp(-1.0 / (2 + 8 * random.nextDouble())); // tau_syn 2-10 ms, some none
        }
        Network network = withNeurons(plain, plain.neurons().withSynapticDecay(alphaSyn));
        InputBatch input = background(n, 200);
        EngineEquivalenceTest.assertEquivalent(network, input);
        Recording without = new EventSimulator().run(plain, input, RecordOptions.SPIKES_ONLY);
        Recording with = new EventSimulator().run(network, input, RecordOptions.SPIKES_ONLY);
        assertFalse(without.spikes().equals(with.spikes()), "the synapses must change the activity");
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 600})
    void enginesAgreeWithFixedPointState(int n) {
        Network plain = randomNetwork(n + 1, n);
        Network network = withNeurons(plain, plain.neurons().withStatePrecision(
                new StatePrecision(1.0 / 64, 4.0, 1.0 / 16, 8.0)));
        InputBatch input = background(n + 1, 200);
        EngineEquivalenceTest.assertEquivalent(network, input);
        Recording rounded = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        for (double v : rounded.voltage()) {
            assertEquals(Math.rint(v * 64) / 64, v, 0.0, "v on the 1/64 grid");
            assertTrue(Math.abs(v) <= 4.0, "|v| <= 4");
        }
    }

    // --- a single CUBA LIF unit under constant input, against the closed form ---

    static Network singleCubaUnit(double alphaSyn, int nRef) {
        Network unit = SingleNeuronClosedFormTest.singleUnit(0.0, nRef);
        NeuronParams p = unit.neurons();
        NeuronParams params = p.toBuilder().vTh(new double[] {V_TH}).synapticDecay(new double[] {alphaSyn}).build();
        return withNeurons(unit, params);
    }

    /**
     * s_k = I (1 - c^(k+1)) / (1 - c) (c = alpha_syn, s_{-1} = 0), so by superposition
     * v_k = sum_{m <= k} alpha^(k-m) s_m - v_th sum_{spikes s < k} alpha^(k-1-s)
     *     = I / (1 - c) [(1 - alpha^(k+1)) / (1 - alpha) - c (alpha^(k+1) - c^(k+1)) / (alpha - c)] - resets.
     */
    static double closedFormVoltage(int k, double alpha, double c, List<Integer> spikes) {
        double v = CURRENT / (1 - c) * ((1 - Math.pow(alpha, k + 1)) / (1 - alpha)
                - c * (Math.pow(alpha, k + 1) - Math.pow(c, k + 1)) / (alpha - c));
        for (int s : spikes) {
            if (s < k) {
                v -= V_TH * Math.pow(alpha, k - 1 - s);
            }
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void cubaUnitFollowsTheClosedForm(int nRef) {
        double c = Math.exp(-1.0 / 5.0);
        Network network = singleCubaUnit(c, nRef);
        double alpha = network.neurons().alpha()[0];
        List<Integer> spikes = new ArrayList<>();
        int blockedUntil = -1;
        for (int k = 0; k < STEPS; k++) {
            if (k > blockedUntil && closedFormVoltage(k, alpha, c, spikes) > V_TH) {
                spikes.add(k);
                blockedUntil = k + nRef;
            }
        }
        assertTrue(spikes.size() >= 5, "the drive must make several spikes");
        InputBatch input = SingleNeuronClosedFormTest.constant(CURRENT);
        for (Simulator simulator : List.of(new EventSimulator(), new DenseSimulator())) {
            Recording recording = simulator.run(network, input, RecordOptions.WITH_STATES);
            assertArrayEquals(spikes.stream().mapToInt(Integer::intValue).toArray(), recording.spikes().step(),
                    simulator.getClass().getSimpleName() + " spike steps");
            for (int k = 0; k < STEPS; k++) {
                assertEquals(closedFormVoltage(k, alpha, c, spikes), recording.voltage()[k], 1e-11, "v at " + k);
            }
        }
    }

    // --- one ALIF unit whose state rounds, worked out by hand ---

    /**
     * alpha = e^(-1/20) = 0.95123, rho = e^(-1/200) = 0.99501, v_th = 1, beta = 0.5, n_ref = 0;
     * v on a 0.25 grid within +-1.5, a on a 0.25 grid within +-0.75. Raw values before rounding:
     * <pre>
     *   k  I      v raw                       v     a raw          a     A      z
     *   0  0.625  0.625 (2.5 steps: to even)  0.5   0              0     1      0
     *   1  0.55   1.0256 (4.10 steps)         1.0   0              0     1      0  (v = A is no spike)
     *   2  3.0    3.9512                      1.5   0              0     1      1  (clamped)
     *   3  0      1.4268 - 1 = 0.4268 (1.71)  0.5   1              0.75  1.375  0  (clamped)
     *   4  -5     -4.5244                     -1.5  0.7463 (2.99)  0.75  1.375  0  (rounding holds a)
     *   5  0.3    -1.1268 (-4.51 steps)       -1.25 0.7463         0.75  1.375  0
     * </pre>
     */
    /** One ALIF unit with exact state: tau_m 20 ms, tau_a 200 ms, beta 0.5, v_th 1, n_ref 0. */
    private static Network handWorkedUnit() {
        Network unit = SingleNeuronClosedFormTest.singleUnit(0.5, 0);
        NeuronParams p = unit.neurons();
        return withNeurons(unit, p.toBuilder().tauMMs(new double[] {20.0}).tauAMs(new double[] {200.0})
                .beta(new double[] {0.5}).vTh(new double[] {1.0}).nRef(new int[] {0}).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "dense"})
    void roundedStateFollowsTheHandWorkedTrajectory(String engine) {
        Network exact = handWorkedUnit();
        StatePrecision precision = new StatePrecision(0.25, 1.5, 0.25, 0.75);
        Network network = withNeurons(exact, exact.neurons().withStatePrecision(precision));
        InputBatch input = new InputBatch(1, 6, 1, new double[] {0.625, 0.55, 3.0, 0.0, -5.0, 0.3});
        Simulator simulator = engine.equals("event") ? new EventSimulator() : new DenseSimulator();
        Recording recording = simulator.run(network, input, RecordOptions.WITH_STATES);
        assertArrayEquals(new double[] {0.5, 1.0, 1.5, 0.5, -1.5, -1.25}, recording.voltage(), 0.0, "v");
        assertArrayEquals(new double[] {1.0, 1.0, 1.0, 1.375, 1.375, 1.375}, recording.threshold(), 0.0, "A");
        assertArrayEquals(new int[] {2}, recording.spikes().step(), "spike steps");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "dense"})
    void exactStateSpikesWhereTheRoundedOneDoesNot(String engine) {
        Network network = handWorkedUnit();
        InputBatch input = new InputBatch(1, 2, 1, new double[] {0.625, 0.55});
        Simulator simulator = engine.equals("event") ? new EventSimulator() : new DenseSimulator();
        // 0.625 alpha + 0.55 = 1.1445 > 1: the rounded unit above (v_0 = 0.5) stays silent at step 1.
        assertArrayEquals(new int[] {1}, simulator.run(network, input, RecordOptions.SPIKES_ONLY).spikes().step());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.25, Double.NaN, Double.POSITIVE_INFINITY})
    void precisionRefusesNonPositiveSteps(double step) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new StatePrecision(step, 1.0, 0.1, 1.0));
        assertTrue(error.getMessage().contains("voltageStep"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0, Double.NaN})
    void synapticDecayOutsideTheUnitIntervalIsRefused(double decay) {
        NeuronParams p = SingleNeuronClosedFormTest.singleUnit(0.0, 0).neurons();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> p.withSynapticDecay(new double[] {decay}));
        assertTrue(error.getMessage().contains("alpha_syn"), error.getMessage());
    }

    @Test
    void extensionsTakePartInEquality() {
        NeuronParams p = SingleNeuronClosedFormTest.singleUnit(0.0, 0).neurons();
        assertEquals(p, p.withSynapticDecay(new double[] {0.0}));
        assertFalse(p.equals(p.withSynapticDecay(new double[] {0.5})));
        assertFalse(p.equals(p.withStatePrecision(new StatePrecision(0.1, 1, 0.1, 1))));
        assertEquals(p.withStatePrecision(new StatePrecision(0.1, 1, 0.1, 1)),
                p.withStatePrecision(new StatePrecision(0.1, 1, 0.1, 1)));
    }
}
