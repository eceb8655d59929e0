package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sernn.model.Activation;
import org.sernn.model.FeedbackKind;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;

/** Neither learning rule has a synaptic-current term, so both refuse networks with synapses by name. */
class SynapseTrainingRefusalTest {
    private static final NeuronParams CUBA = NeuronParams.builder(NeuronType.LIF, 2).activation(Activation.RELU)
            .dtMs(1.0).tauOutMs(20.0).tauMMs(new double[] {20, 20}).tauAMs(new double[] {200, 200})
            .beta(new double[2]).vTh(new double[] {1, 1}).nRef(new int[2]).excitatory(new boolean[] {true, true})
            .synapticDecay(new double[] {0.0, 0.8}).build();

    @Test
    void bpttRefusesSynapses() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SpikingBptt(CUBA, new Surrogate.Triangle(0.3), false, 0.0, 10.0));
        assertTrue(error.getMessage().contains("BPTT") && error.getMessage().contains("alpha_syn"), error.getMessage());
    }

    @Test
    void epropRefusesSynapses() {
        Feedback feedback = new Feedback(FeedbackKind.SYMMETRIC, 1, 2, 1, new double[2]);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Eprop(CUBA, new Surrogate.Triangle(0.3), feedback, 0.0, 10.0));
        assertTrue(error.getMessage().contains("e-prop") && error.getMessage().contains("alpha_syn"),
                error.getMessage());
    }
}
