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

    static HardwareProfile profile(String kind) {
        return HardwareProfiles.fromYaml("name: test\nkind: " + kind + "\nenergy: {synaptic_op_joules: 1.0e-12, "
                + "neuron_update_joules: 2.0e-12, spike_route_joules: 0.5e-12, static_power_watts: 1.0e-3}\n", "test");
    }

    @Test
    void spikingTargetCountsEventsUpdatesRoutingAndStaticPower() {
        EnergyBreakdown energy = Deployment.energyOf(tinyNetwork(), profile("neuromorphic"), pulses());
        // spikes: units 0 and 1 at steps 0 and 3 = 4
        // events: 2 input values x fan-out 2 = 4; unit 0: 2 spikes x (1 recurrent + 1 readout) = 4;
        //         unit 1: 2 spikes x (2 recurrent + 0 readout) = 4; total 12
        // updates: 3 units x 6 steps = 18; duration 6 steps x 1 ms
        double expected = 12 * 1e-12 + 18 * 2e-12 + 4 * 0.5e-12 + 1e-3 * 0.006;
        assertEquals(4, energy.spikesPerInference());
        assertEquals(12, energy.synapticOpsPerInference());
        assertEquals(expected, energy.totalJoules(), 1e-24);
    }

    @Test
    void vonNeumannTargetCountsEveryMacOfADenseStep() {
        EnergyBreakdown energy = Deployment.energyOf(tinyNetwork(), profile("von_neumann"), pulses());
        // MACs per step: n_rec (n_in + n_rec) + n_out n_rec = 3 (1 + 3) + 3 = 15; 6 steps
        double expected = 90 * 1e-12 + 18 * 2e-12 + 1e-3 * 0.006;
        assertEquals(90, energy.synapticOpsPerInference());
        assertEquals(0.0, energy.routingJoules());
        assertEquals(expected, energy.totalJoules(), 1e-24);
    }
}
