package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.model.Activation;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.linalg.DenseMatrix;
import org.sernn.space.GridLayout;

/**
 * A single LIF or ALIF unit under constant input current I against the closed-form solution of the
 * discrete model (docs/neurons.md), written by superposition over its own spike times:
 * v_k = I (1 - alpha^(k+1)) / (1 - alpha) - v_th sum_{s < k} alpha^(k-1-s) z_s,
 * A_k = v_th + beta sum_{s < k} rho^(k-1-s) z_s, and z_k = [v_k > A_k] outside refractory periods.
 */
class SingleNeuronClosedFormTest {
    private static final double DT_MS = 1.0;
    private static final double TAU_M_MS = 20.0;
    private static final double TAU_A_MS = 200.0;
    private static final double V_TH = 0.6;
    private static final double BETA = 0.5;
    private static final double CURRENT = 0.05;
    private static final int STEPS = 300;

    static Network singleUnit(double beta, int nRef) {
        ModelConfig config = ConfigLoader.fromYaml("sizes: {inputs: 1, recurrent: 1, outputs: 1}\n"
                + "space: {grid: [1, 1, 1]}\n", "single-unit");
        NeuronParams params = new NeuronParams(beta > 0 ? NeuronType.ALIF : NeuronType.LIF, Activation.RELU, DT_MS,
                0.0, new double[] {TAU_M_MS}, new double[] {TAU_A_MS}, new double[] {beta}, new double[] {V_TH},
                new int[] {nRef}, new boolean[] {true});
        DenseMatrix one = DenseMatrix.of(1, 1, new double[] {1.0});
        return new Network(config, GridLayout.positions(1, 1, 1), params, one, DenseMatrix.zeros(1, 1), one,
                new double[1], new double[1]);
    }

    static InputBatch constant(double current) {
        double[] values = new double[STEPS];
        Arrays.fill(values, current);
        return new InputBatch(1, STEPS, 1, values);
    }

    /** Spike times from the closed-form expressions alone, scanning k upwards. */
    static List<Integer> closedFormSpikes(double beta, int nRef) {
        double alpha = Math.exp(-DT_MS / TAU_M_MS);
        double rho = Math.exp(-DT_MS / TAU_A_MS);
        List<Integer> spikes = new ArrayList<>();
        int refractoryUntil = -1;
        for (int k = 0; k < STEPS; k++) {
            double v = closedFormVoltage(k, alpha, spikes);
            double threshold = closedFormThreshold(k, rho, beta, spikes);
            if (k > refractoryUntil && v > threshold) {
                spikes.add(k);
                refractoryUntil = k + nRef;
            }
        }
        return spikes;
    }

    static double closedFormVoltage(int k, double alpha, List<Integer> spikes) {
        double v = CURRENT * (1 - Math.pow(alpha, k + 1)) / (1 - alpha);
        for (int s : spikes) {
            if (s < k) {
                v -= V_TH * Math.pow(alpha, k - 1 - s);
            }
        }
        return v;
    }

    static double closedFormThreshold(int k, double rho, double beta, List<Integer> spikes) {
        double a = 0;
        for (int s : spikes) {
            if (s < k) {
                a += Math.pow(rho, k - 1 - s);
            }
        }
        return V_TH + beta * a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "dense"})
    void lifFirstSpikeMatchesGeometricSeries(String engine) {
        Recording recording = engine(engine).run(singleUnit(0.0, 0), constant(CURRENT), RecordOptions.WITH_STATES);
        double alpha = Math.exp(-DT_MS / TAU_M_MS);
        // v_k = I (1 - alpha^(k+1)) / (1 - alpha) > v_th  <=>  k + 1 > log(1 - v_th (1 - alpha) / I) / log(alpha)
        int firstSpike = (int) Math.floor(Math.log(1 - V_TH * (1 - alpha) / CURRENT) / Math.log(alpha));
        assertEquals(firstSpike, recording.spikes().step()[0], "first spike step");
        for (int k = 0; k <= firstSpike; k++) {
            double expected = CURRENT * (1 - Math.pow(alpha, k + 1)) / (1 - alpha);
            assertEquals(expected, recording.voltage()[k], 1e-12, "v at step " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lif-0", "lif-4", "alif-0", "alif-4"})
    void trajectoryAndSpikesMatchSuperposition(String variant) {
        double beta = variant.startsWith("alif") ? BETA : 0.0;
        int nRef = Integer.parseInt(variant.substring(variant.indexOf('-') + 1));
        List<Integer> expectedSpikes = closedFormSpikes(beta, nRef);
        assertTrue(expectedSpikes.size() >= 3, "the drive must make several spikes for the test to mean something");
        for (Simulator simulator : List.of(new EventSimulator(), new DenseSimulator())) {
            Recording recording = simulator.run(singleUnit(beta, nRef), constant(CURRENT), RecordOptions.WITH_STATES);
            int[] actual = recording.spikes().step();
            assertArrayEquals(expectedSpikes.stream().mapToInt(Integer::intValue).toArray(), actual,
                    simulator.getClass().getSimpleName() + " spike steps");
            double alpha = Math.exp(-DT_MS / TAU_M_MS);
            double rho = Math.exp(-DT_MS / TAU_A_MS);
            for (int k = 0; k < STEPS; k++) {
                assertEquals(closedFormVoltage(k, alpha, expectedSpikes), recording.voltage()[k], 1e-11, "v at " + k);
                assertEquals(closedFormThreshold(k, rho, beta, expectedSpikes), recording.threshold()[k], 1e-11,
                        "A at " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void adaptationDelaysTheSecondSpikeButNotTheFirst(int nRef) {
        List<Integer> lif = closedFormSpikes(0.0, nRef);
        List<Integer> alif = closedFormSpikes(BETA, nRef);
        assertEquals(lif.get(0), alif.get(0));
        assertTrue(alif.get(1) > lif.get(1), "ALIF second spike " + alif.get(1) + " vs LIF " + lif.get(1));
        Recording recording = new EventSimulator().run(singleUnit(BETA, nRef), constant(CURRENT),
                RecordOptions.SPIKES_ONLY);
        assertEquals(alif.get(1), recording.spikes().step()[1]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7})
    void refractoryPeriodSeparatesSpikesByMoreThanNRefSteps(int nRef) {
        // A strong drive would fire every step without refractoriness.
        Recording recording = new EventSimulator().run(singleUnit(0.0, nRef), constant(10 * V_TH),
                RecordOptions.SPIKES_ONLY);
        int[] steps = recording.spikes().step();
        assertTrue(steps.length > 10);
        for (int i = 1; i < steps.length; i++) {
            assertEquals(nRef + 1, steps[i] - steps[i - 1], "inter-spike interval under saturating drive");
        }
    }

    private static Simulator engine(String name) {
        return name.equals("event") ? new EventSimulator() : new DenseSimulator();
    }
}
