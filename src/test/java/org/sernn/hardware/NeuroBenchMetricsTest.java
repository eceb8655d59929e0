package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sernn.model.Activation;
import org.sernn.model.Network;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.EventSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;

/**
 * NeuroBench metrics of the hand-worked three-unit network of {@link EnergyModelTest} (W_in = (1, 1, 0);
 * W_rec: 0 -> 2 (0.1), 1 -> 0 (0.05), 1 -> 2 (0.2); W_out = (1, 0, 1)), spiking and as a ReLU rate
 * network, six steps.
 */
class NeuroBenchMetricsTest {
    private static final StoragePrecision FLOAT32 = StoragePrecision.of(null);

    private static NeuroBenchMetrics spiking(InputBatch input) {
        Network network = EnergyModelTest.tinyNetwork();
        return NeuroBenchMetrics.measure(network, input, new EventSimulator().run(network, input,
                RecordOptions.WITH_STATES), FLOAT32);
    }

    private static Network rateNetwork() {
        Network spiking = EnergyModelTest.tinyNetwork();
        // v_th is unused by rate units; the builder holds every population to v_th > 0
        NeuronParams rate = NeuronParams.builder(NeuronType.RATE, 3).activation(Activation.RELU).dtMs(1.0)
                .tauOutMs(0.0).tauMMs(new double[] {1, 1, 1}).tauAMs(new double[] {1, 1, 1}).vTh(1.0).build();
        return new Network(spiking.config(), spiking.positions(), rate, spiking.wIn(), spiking.wRec(), spiking.wOut(),
                new double[3], new double[1]);
    }

    private static NeuroBenchMetrics rate(double pulse) {
        Network network = rateNetwork();
        InputBatch input = pulses(pulse);
        return NeuroBenchMetrics.measure(network, input, new DenseSimulator().run(network, input,
                RecordOptions.WITH_STATES), FLOAT32);
    }

    private static InputBatch pulses(double value) {
        double[] x = new double[6];
        x[0] = value;
        x[3] = value;
        return new InputBatch(1, 6, 1, x);
    }

    @Test
    void spikingNetworkCountsAccumulatesOverSpikesAndNonZeroSynapses() {
        NeuroBenchMetrics m = spiking(EnergyModelTest.pulses());
        // units 0 and 1 spike at steps 0 and 3. Input calls: 2 pulses x 2 synapses = 4 ACs;
        // recurrent calls at steps 1 and 4 read z = (1, 1, 0): columns 0 and 1 hold 1 + 2 synapses = 6;
        // readout calls at steps 0 and 3: column 0 holds 1 synapse = 2. Every input is 0 or 1.
        assertEquals(12, m.effectiveAcs());
        assertEquals(0, m.effectiveMacs());
        // dense: 6 steps x (3 x 1 + 3 x 3 + 1 x 3)
        assertEquals(90, m.denseSynapticOps());
        assertEquals(14.0 / 18.0, m.activationSparsity(), 1e-15);
        // zeros: W_in 1 of 3, W_rec 6 of 9, W_out 1 of 3
        assertEquals(8.0 / 15.0, m.connectionSparsity(), 1e-15);
        // 15 float32 weights + (4 biases + 3 units x (4 constants + 2 states) + readout decay and state) words
        assertEquals(15 * 4 + 24 * 4, m.footprintBytes());
    }

    @Test
    void silentSpikingNetworkUpdatesMembranesOnlyInTheFirstStep() {
        NeuroBenchMetrics m = spiking(new InputBatch(1, 6, 1, new double[6]));
        assertEquals(3, m.membraneUpdates());
        assertEquals(0, m.effectiveAcs() + m.effectiveMacs());
        assertEquals(1.0, m.activationSparsity());
    }

    @Test
    void rateNetworkWithRealInputsCountsOnlyMacs() {
        NeuroBenchMetrics m = rate(0.5);
        // h_0 = h_3 = (0.5, 0.5, 0), h_1 = h_4 = (0.025, 0, 0.15), h_2 = h_5 = (0, 0, 0.0025).
        // input calls 2 x 2 = 4; recurrent calls read h_0 (columns 0, 1: 3), h_1 (column 0: 1), h_2
        // (column 2: 0), h_3 (3), h_4 (1): 8; readout calls: 1 + 2 + 1 + 1 + 2 + 1 = 8.
        assertEquals(20, m.effectiveMacs());
        assertEquals(0, m.effectiveAcs());
        assertEquals(90, m.denseSynapticOps());
        assertEquals(8.0 / 18.0, m.activationSparsity(), 1e-15);
        assertEquals(0, m.membraneUpdates());
        // 15 float32 weights + (4 biases + 3 activations + readout decay and state) words
        assertEquals(15 * 4 + 9 * 4, m.footprintBytes());
    }

    @Test
    void binaryInputsOfARateNetworkCountAsAccumulatesAsInNeuroBenchCode() {
        NeuroBenchMetrics m = rate(1.0);
        // NeuroBench classifies each layer call by its inputs: the input layer's 0/1 pulses are ACs;
        // h_0 = (1, 1, 0) is binary too, so the step-1 recurrent call (3) and step-0 readout call (1) are ACs.
        assertEquals(4 + 3 + 1 + 3 + 1, m.effectiveAcs());
        assertEquals(20 - 12, m.effectiveMacs());
    }

    @Test
    void footprintUsesTheDeployedPrecision() {
        NeuroBenchMetrics m = NeuroBenchMetrics.measure(EnergyModelTest.tinyNetwork(), EnergyModelTest.pulses(),
                new EventSimulator().run(EnergyModelTest.tinyNetwork(), EnergyModelTest.pulses(),
                        RecordOptions.WITH_STATES), new StoragePrecision(8, 24));
        assertEquals(15 * 1 + 24 * 3, m.footprintBytes());
    }
}
