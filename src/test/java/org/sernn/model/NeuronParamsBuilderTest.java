package org.sernn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Named construction: every physical range is checked where the parameters are made, naming key, unit and value. */
class NeuronParamsBuilderTest {

    private static NeuronParams.Builder valid() {
        return NeuronParams.builder(NeuronType.ALIF, 3).dtMs(1.0).tauOutMs(20.0).tauMMs(new double[] {10, 20, 30})
                .tauAMs(200.0).beta(new double[] {0, 0.5, 1}).vTh(0.6).nRef(new int[] {0, 2, 5});
    }

    private static void assertRefused(UnaryOperator<NeuronParams.Builder> change, String... fragments) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> change.apply(valid()).build());
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), error.getMessage());
        }
    }

    @Test
    void namedValuesLandInTheirFields() {
        NeuronParams p = valid().build();
        assertArrayEquals(new double[] {10, 20, 30}, p.tauMMs());
        assertArrayEquals(new double[] {200, 200, 200}, p.tauAMs());
        assertArrayEquals(new double[] {0.6, 0.6, 0.6}, p.vTh());
        assertArrayEquals(new int[] {0, 2, 5}, p.nRef());
        assertArrayEquals(new boolean[] {true, true, true}, p.excitatory());
        assertArrayEquals(new double[3], p.alphaSyn());
        assertEquals(Math.exp(-1.0 / 20.0), p.kappa());
        assertEquals(p, p.toBuilder().build());
        assertNotEquals(p, p.toBuilder().vTh(0.7).build());
    }

    @Test
    void outOfRangeValuesAreRefusedWithKeyUnitAndValue() {
        assertRefused(b -> b.tauMMs(new double[] {10, 0, 30}), "tau_m_ms", "unit 1", "0.0", "> 0");
        assertRefused(b -> b.tauAMs(new double[] {1, 1, Double.POSITIVE_INFINITY}), "tau_a_ms", "unit 2");
        assertRefused(b -> b.vTh(new double[] {0.6, -0.1, 0.6}), "v_th", "unit 1", "-0.1");
        assertRefused(b -> b.beta(new double[] {0, -0.5, 0}), "beta", "unit 1", "-0.5");
        assertRefused(b -> b.nRef(new int[] {0, -1, 0}), "n_ref", "unit 1", "-1");
        assertRefused(b -> b.synapticDecay(new double[] {0, 1.0, 0}), "alpha_syn", "unit 1", "[0, 1)");
        assertRefused(b -> b.dtMs(0.0), "dt_ms", "0.0");
        assertRefused(b -> b.tauOutMs(-2.0), "tau_out_ms", "-2.0");
        assertRefused(b -> b.tauOutMs(Double.NaN), "tau_out_ms", "not set");
    }

    @Test
    void arraysOfTheWrongLengthAndMissingValuesAreRefused() {
        assertRefused(b -> b.tauMMs(new double[] {10, 20}), "tau_m_ms", "2 entries", "3 units");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> NeuronParams.builder(NeuronType.LIF, 2).dtMs(1).tauOutMs(0).tauAMs(1).vTh(1).build());
        assertTrue(missing.getMessage().contains("tau_m_ms is not set"), missing.getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        NeuronParams p = valid().tauOutMs(0.0).nRef(0).synapticDecay(new double[] {0, 0.999, 0}).build();
        assertEquals(0.0, p.kappa());
        assertTrue(p.hasSynapses());
    }
}
