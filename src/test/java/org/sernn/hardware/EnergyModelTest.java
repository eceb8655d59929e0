package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.Activation;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;
import org.sernn.space.GridLayout;

/**
 * Energy of a three-unit LIF network whose spike train is known by hand: the membrane forgets
 * within a step (tau_m 0.01 ms), units 0 and 1 receive input 1 > v_th at steps 0 and 3 and spike
 * then; unit 2 only gets 0.1 + 0.2 < v_th and never spikes.
 */
class EnergyModelTest {
    private static final int STEPS = 6;

    static Network tinyNetwork() {
        ModelConfig config = ConfigLoader.fromYaml("sizes: {inputs: 1, recurrent: 3, outputs: 1}\n"
                + "space: {grid: [3, 1, 1]}\nneuron: {type: lif}\n", "tiny");
        double tiny = 0.01;
        NeuronParams params = NeuronParams.builder(NeuronType.LIF, 3).activation(Activation.RELU).dtMs(1.0)
                .tauOutMs(0.0).tauMMs(new double[] {tiny, tiny, tiny}).tauAMs(new double[] {1, 1, 1})
                .beta(new double[3]).vTh(new double[] {0.5, 0.5, 0.5}).nRef(new int[3])
                .excitatory(new boolean[] {true, true, true}).build();
        DenseMatrix wIn = DenseMatrix.of(3, 1, new double[] {1, 1, 0});
        // (post, pre): unit 0 -> 2 (0.1); unit 1 -> 0 (0.05) and -> 2 (0.2)
        DenseMatrix wRec = DenseMatrix.of(3, 3, new double[] {0, 0.05, 0, 0, 0, 0, 0.1, 0.2, 0});
        DenseMatrix wOut = DenseMatrix.of(1, 3, new double[] {1, 0, 1});
        return new Network(config, GridLayout.positions(3, 1, 1), params, wIn, wRec, wOut, new double[3],
                new double[1]);
    }

    static InputBatch pulses() {
        double[] x = new double[STEPS];
        x[0] = 1;
        x[3] = 1;
        return new InputBatch(1, STEPS, 1, x);
    }

    /** 1 pJ per synaptic op, 2 pJ per update, 1 mW static, 64 pJ per 64-bit SRAM access (1 pJ per bit). */
    static HardwareProfile profile(String kind, String extraMemory) {
        return HardwareProfiles.fromYaml("name: test\nkind: " + kind + "\nenergy: {level: core, includes_memory: false, "
                + "synaptic_op_joules: {low: 0.5e-12, point: 1.0e-12, high: 2.0e-12}, neuron_update_joules: 2.0e-12, "
                + "static_power_watts: 1.0e-3, memory: {sram_bytes: 1024, sram_joules_per_64_bits: 64.0e-12"
                + extraMemory + "}}\n", "test");
    }

    private static EnergyBreakdown energy(HardwareProfile profile) {
        return Deployment.estimateOf(tinyNetwork(), profile, pulses(), PlacementOptions.DEFAULT).energy();
    }

    @Test
    void spikingTargetCountsEventsUpdatesMemoryAndStaticPower() {
        EnergyBreakdown energy = energy(profile("neuromorphic", ""));
        // spikes: units 0 and 1 at steps 0 and 3 = 4
        // events: 2 input values x fan-out 2 = 4; unit 0: 2 spikes x (1 recurrent + 1 readout) = 4;
        //         unit 1: 2 spikes x (2 recurrent + 0 readout) = 4; total 12
        // updates: 3 units x 6 steps = 18; duration 6 steps x 1 ms
        assertEquals(4, energy.spikesPerInference());
        assertEquals(12, energy.synapticOpsPerInference());
        // memory (float32): 12 weight reads; 12 accumulator reads and writes; 18 updates x 2 state words
        // read and written: 12 x 32 + 2 x (12 + 36) x 32 = 3456 bits at 1 pJ per bit
        assertEquals(12 * 32, energy.memory().weightReadBits());
        assertEquals((12 + 36) * 32, energy.memory().stateReadBits());
        assertEquals(3456e-12, energy.memoryJoules().point(), 1e-24);
        double expected = 12e-12 + 18 * 2e-12 + 3456e-12 + 1e-3 * 0.006;
        assertEquals(expected, energy.totalJoules().point(), 1e-18);
        assertEquals(6e-12, energy.synapticJoules().low(), 1e-24);
        assertEquals(24e-12, energy.synapticJoules().high(), 1e-24);
        assertEquals(expected + 12e-12, energy.totalJoules().high(), 1e-18);
        assertEquals(0.0, energy.routingJoules().point());
    }

    @Test
    void vonNeumannTargetCountsEveryMacAndReadsLayerInputsOncePerStep() {
        EnergyBreakdown energy = energy(profile("von_neumann", ", dram_joules_per_64_bits: 640.0e-12"));
        // MACs per step: n_rec (n_in + n_rec) + n_out n_rec = 3 (1 + 3) + 3 = 15; 6 steps
        assertEquals(90, energy.synapticOpsPerInference());
        // footprint 156 bytes fits 1024 bytes of SRAM: weights 90 x 32 bits; state 18 x 2 x 32 read and
        // written; layer inputs 6 steps x (1 + 2 x 3) x 32 bits
        assertEquals("sram", energy.memory().toReport().get("weights_in"));
        double bits = 90 * 32 + 2 * 18 * 2 * 32 + 6 * 7 * 32;
        assertEquals(bits * 1e-12, energy.memoryJoules().point(), 1e-24);
        assertEquals(90e-12 + 36e-12 + bits * 1e-12 + 6e-6, energy.totalJoules().point(), 1e-18);
        assertEquals(0.0, energy.routingJoules().point());
    }

    @Test
    void weightsOfAModelLargerThanTheSramComeFromDram() {
        HardwareProfile small = HardwareProfiles.fromYaml("name: t\nkind: von_neumann\nenergy: {level: core, "
                + "includes_memory: false, synaptic_op_joules: 1.0e-12, neuron_update_joules: 2.0e-12, memory: "
                + "{sram_bytes: 100, sram_joules_per_64_bits: 64.0e-12, dram_joules_per_64_bits: 640.0e-12}}\n", "t");
        EnergyBreakdown energy = energy(small);
        // 156 bytes > 100: weight bits at 10 pJ, the rest at 1 pJ
        double rest = 2 * 18 * 2 * 32 + 6 * 7 * 32;
        assertEquals((90 * 32 * 10 + rest) * 1e-12, energy.memoryJoules().point(), 1e-24);
    }

    @Test
    void memoryIncludedInMeasuredFiguresIsNotCostedTwice() {
        HardwareProfile measured = HardwareProfiles.fromYaml("name: t\nkind: neuromorphic\nenergy: {level: core, "
                + "includes_memory: true, synaptic_op_joules: 1.0e-12, neuron_update_joules: 2.0e-12}\n", "t");
        EnergyBreakdown energy = energy(measured);
        assertEquals(0.0, energy.memoryJoules().point());
        assertEquals(12e-12 + 36e-12, energy.totalJoules().point(), 1e-24);
        assertEquals(12 * 32, energy.memory().weightReadBits());
    }
}
