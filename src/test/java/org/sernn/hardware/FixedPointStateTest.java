package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.UserError;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Activation;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Simulator;
import org.sernn.sim.SpikeRaster;
import org.sernn.space.GridLayout;
import org.sernn.task.PoissonEncoder;

/** Fixed-point neuron state of a profile (state_bits, weight_shift_bits) in the deployed network. */
class FixedPointStateTest {
    private static final int STEPS = 12;

    /**
     * One LIF unit, w_in = 0.7, alpha = 0.86, v_th = 1.301, input 1 every step. Float:
     * v = 0.7, then 0.86 x 0.7 + 0.7 = 1.302 > 1.301: first spike at step 1. On a chip with 4-bit
     * weights (level 0.7 / 7 = 0.1) and weight_shift_bits 1 the state LSB is 0.05: v = 14 units,
     * then 0.86 x 14 + 14 = 26.04 -> 26 units = 1.300 < 1.301, no spike; then 0.86 x 26 + 14 = 36.36
     * -> 36 units = 1.80: first spike at step 2.
     */
    static Network oneUnit() {
        ModelConfig config = ConfigLoader.fromYaml("sizes: {inputs: 1, recurrent: 1, outputs: 1}\n"
                + "space: {grid: [1, 1, 1]}\nneuron: {type: lif}\n", "one-unit");
        double tauM = -1.0 / Math.log(0.86);
        NeuronParams params = NeuronParams.builder(NeuronType.LIF, 1).activation(Activation.RELU).dtMs(1.0)
                .tauOutMs(20.0).tauMMs(new double[] {tauM}).tauAMs(new double[] {1}).beta(new double[1])
                .vTh(new double[] {1.301}).nRef(new int[1]).excitatory(new boolean[] {true}).build();
        return new Network(config, GridLayout.positions(1, 1, 1), params, DenseMatrix.of(1, 1, new double[] {0.7}),
                DenseMatrix.of(1, 1, new double[1]), DenseMatrix.of(1, 1, new double[] {1}), new double[1],
                new double[1]);
    }

    static HardwareProfile chip(int stateBits) {
        return HardwareProfiles.fromYaml("name: chip\nkind: neuromorphic\nweights: {bits: 4, granularity: per_tensor}\n"
                + "neuron: {state_bits: " + stateBits + ", weight_shift_bits: 1}\n"
                + "energy: {synaptic_op_joules: 1.0e-12, neuron_update_joules: 1.0e-12}\n", "chip");
    }

    static InputBatch constantInput() {
        double[] x = new double[STEPS];
        Arrays.fill(x, 1.0);
        return new InputBatch(1, STEPS, 1, x);
    }

    @Test
    void roundedStateDelaysTheFirstSpikeAsComputedByHand() {
        Network network = oneUnit();
        Network deployed = new HardwareTarget(chip(6)).apply(network, DeviceConditions.fresh(1));
        assertTrue(deployed.neurons().statePrecision().isPresent());
        for (Simulator engine : new Simulator[] {new DenseSimulator(), new EventSimulator()}) {
            assertEquals(1, firstSpike(engine.run(network, constantInput(), RecordOptions.SPIKES_ONLY).spikes()));
            assertEquals(2, firstSpike(engine.run(deployed, constantInput(), RecordOptions.SPIKES_ONLY).spikes()));
        }
    }

    @Test
    void saturatedStateNeverReachesThreshold() {
        // 5 bits: |v| <= 15 units = 0.75 < v_th = 1.301
        Network deployed = new HardwareTarget(chip(5)).apply(oneUnit(), DeviceConditions.fresh(1));
        assertEquals(0, new EventSimulator().run(deployed, constantInput(), RecordOptions.SPIKES_ONLY).spikes().count());
        assertTrue(new EventSimulator().run(oneUnit(), constantInput(), RecordOptions.SPIKES_ONLY).spikes().count() > 3);
    }

    @Test
    void loihiLsbIsTheFinerWeightLevelOverTwoToTheSeven() {
        // 8-bit shared exponent: max|w_in| 0.9 -> level 2^-7 (0.9/127 = 0.0071); max|w_rec| 0.3 -> 2^-8
        // (0.3/127 = 0.0024); Loihi's weight shift 7: LSB 2^-15; 24 bits: |v| <= 2^23 - 1 units
        ModelConfig config = ConfigLoader.fromYaml("sizes: {inputs: 2, recurrent: 2, outputs: 1}\n"
                + "space: {grid: [2, 1, 1]}\nneuron: {type: lif}\n", "two-units");
        NeuronParams params = NeuronParams.builder(NeuronType.LIF, 2).activation(Activation.RELU).dtMs(1.0)
                .tauOutMs(20.0).tauMMs(new double[] {20, 20}).tauAMs(new double[] {1, 1}).beta(new double[2])
                .vTh(new double[] {1, 1}).nRef(new int[2]).excitatory(new boolean[] {true, true}).build();
        Network network = new Network(config, GridLayout.positions(2, 1, 1), params,
                DenseMatrix.of(2, 2, new double[] {0.9, -0.2, 0.1, 0.4}), DenseMatrix.of(2, 2, new double[] {0, 0.3, -0.1, 0}),
                DenseMatrix.of(1, 2, new double[] {1, 1}), new double[2], new double[1]);
        HardwareTarget loihi = new HardwareTarget(HardwareProfiles.load(Path.of("hardware-profiles/loihi.yaml")));
        FixedPointState state = loihi.fixedPointState(network).orElseThrow();
        assertArrayEquals(new double[] {Math.pow(2, -15), Math.pow(2, -15)}, state.lsb(), 0.0);
        assertEquals(Math.pow(2, 23) - 1, state.limitUnits(), 0.0);
        Network deployed = loihi.apply(network, DeviceConditions.fresh(1));
        // in state units: thresholds 2^15, the weight 0.3 quantised to 77 levels of 2^-8 -> 77 x 2^7 units
        assertArrayEquals(new double[] {32768, 32768}, deployed.neurons().vTh(), 0.0);
        assertEquals(77 * 128, deployed.wRec().get(0, 1), 0.0);
    }

    @Test
    void statesWrittenInUnitsSpikeAsTheQuantisedNetworkWhenTheGridIsFine() {
        // per-neuron scales, ALIF, biases: the row scaling alone must not change a spike
        ModelConfig config = ConfigLoader.fromYaml("name: rows\nseed: 9\nsizes: {inputs: 8, recurrent: 40, outputs: 2}\n"
                + "space: {layout: box}\nneuron: {type: alif, alif_fraction: 0.5, beta: 0.07, tau_a_ms: 200, n_ref: 2}\n"
                + "weights:\n  w_in: {init: gaussian, gain: 2.0}\n  w_rec: {init: gaussian, gain: 1.0}\n", "rows");
        Network trained = NetworkFactory.build(config, Path.of("."));
        double[] bias = new double[40];
        Arrays.setAll(bias, j -> 0.01 * (j % 5));
        Network network = new Network(config, trained.positions(), trained.neurons(), trained.wIn(), trained.wRec(),
                trained.wOut(), bias, trained.bOut());
        String weights = "kind: neuromorphic\nweights: {bits: 8, granularity: per_neuron}\n"
                + "energy: {synaptic_op_joules: 1.0e-12, neuron_update_joules: 1.0e-12}\n";
        Network quantised = new HardwareTarget(HardwareProfiles.fromYaml("name: q\n" + weights, "q"))
                .apply(network, DeviceConditions.fresh(1));
        Network fixed = new HardwareTarget(HardwareProfiles.fromYaml("name: f\n" + weights
                + "neuron: {state_bits: 53, weight_shift_bits: 32}\n", "f")).apply(network, DeviceConditions.fresh(1));
        InputBatch input = PoissonEncoder.background(2, 300, 8, 40.0, 1.0, new SplittableRandom(2));
        SpikeRaster expected = new EventSimulator().run(quantised, input, RecordOptions.SPIKES_ONLY).spikes();
        assertTrue(expected.count() > 200, "the network is active");
        assertEquals(expected, new EventSimulator().run(fixed, input, RecordOptions.SPIKES_ONLY).spikes());
    }

    @Test
    void stateBitsNeedAWeightsSection() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: ideal\n"
                + "neuron: {state_bits: 16, weight_shift_bits: 0}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'neuron.state_bits': value 16 is not allowed; must be given with a weights section "
                + "(the state is counted in weight LSBs)", e.getMessage());
    }

    @Test
    void stateBitsMustHoldOneFullScaleWeight() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: ideal\n"
                + "weights: {bits: 8, granularity: per_tensor}\nneuron: {state_bits: 12, weight_shift_bits: 7}\n",
                "bad.yaml"));
        assertEquals("bad.yaml: key 'neuron.state_bits': value 12 is not allowed; must be at least weights.bits + "
                + "neuron.weight_shift_bits = 15, so that one full-scale synaptic input fits the state", e.getMessage());
    }

    @Test
    void stateBitsNeedTheWeightShift() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: ideal\n"
                + "weights: {bits: 8, granularity: per_tensor}\nneuron: {state_bits: 16}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'neuron.weight_shift_bits' is missing; see hardware-profiles/README.md",
                e.getMessage());
    }

    @Test
    void stateBitsOutOfRangeAreRefused() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: ideal\n"
                + "weights: {bits: 8, granularity: per_tensor}\nneuron: {state_bits: 64, weight_shift_bits: 0}\n",
                "bad.yaml"));
        assertEquals("bad.yaml: key 'neuron.state_bits': value 64 is not allowed; must be a whole number in [2, 53]",
                e.getMessage());
    }

    private static int firstSpike(SpikeRaster raster) {
        return raster.count() == 0 ? -1 : raster.step()[0];
    }
}
