package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.hardware.HardwareProfile.PulseSpec;

/** SET pulses of the Nandakumar model and the update schemes of Demirag et al. (docs/hardware.md). */
class PcmSynapsesTest {
    private static final double G_MIN = 0.1;
    private static final double TAU_PULSES = 2.6;

    /** Noise-free programming and reads; the given pulse law. */
    static CrossbarSpec spec(PulseSpec pulse) {
        return new CrossbarSpec(HardwareProfile.CrossbarDevice.NANDAKUMAR, 12.0, G_MIN, 0.0, 0.0, 0.0, 0.0, 0.04, 38.6,
                null, 0.0, 0.0, null, pulse);
    }

    /** Every pulse adds exactly {@code size} microsiemens. */
    static PulseSpec fixedPulse(double size) {
        return new PulseSpec(TAU_PULSES, 0.0, size, 0.0, 0.0, 0.0, 0.0, 9.0, 0.75);
    }

    private static PcmSynapses zeros(PulseSpec pulse, int size, int pairs) {
        // all-zero weights: every device at g_min; tests express changes in microsiemens via scale()
        double[] w = new double[size];
        return new PcmSynapses(spec(pulse), w, null, pairs, 1.0, new SplittableRandom(1));
    }

    @Test
    void deterministicPulsesFollowTheMeanLawWithDecayingPulseMemory() {
        PulseSpec law = new PulseSpec(TAU_PULSES, -0.084, 0.880, 1.40, 0.0, 0.0, 0.0, 12.0, 0.75);
        PcmSynapses synapses = zeros(law, 1, 1);
        SplittableRandom random = new SplittableRandom(2);
        synapses.pulse(0, 0, true, random);
        double p1 = Math.exp(-1 / TAU_PULSES);
        double g1 = G_MIN + (-0.084 * G_MIN + 0.880 + 1.40 * p1);
        assertEquals(g1, synapses.conductance(0, 0, true), 1e-12);
        synapses.pulse(0, 0, true, random);
        double g2 = g1 + (-0.084 * g1 + 0.880 + 1.40 * p1 * p1);
        assertEquals(g2, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(G_MIN, synapses.conductance(0, 0, false), 0.0);
    }

    @Test
    void pulseIncrementsHaveTheModelsSpread() {
        // sigma = 0.091 G + 0.2 at G = g_min, mean 2 - 0.05 g_min: ten sigma above the clamp
        PulseSpec law = new PulseSpec(TAU_PULSES, -0.05, 2.0, 0.0, 0.091, 0.2, 0.0, 12.0, 0.75);
        int n = 40_000;
        PcmSynapses synapses = zeros(law, n, 1);
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            synapses.pulse(0, i, true, random);
            double dG = synapses.conductance(0, i, true) - G_MIN;
            sum += dG;
            squares += dG * dG;
        }
        double mean = sum / n;
        double std = Math.sqrt((squares - n * mean * mean) / (n - 1));
        double sigma = 0.091 * G_MIN + 0.2;
        assertEquals(2.0 - 0.05 * G_MIN, mean, 4 * sigma / Math.sqrt(n));
        assertEquals(sigma, std, sigma * 0.02);
    }

    @Test
    void mixedPrecisionPulsesWhenTheAccumulatorReachesEpsilonAndKeepsTheRest() {
        PcmSynapses synapses = zeros(fixedPulse(0.75), 1, 1);
        double deltaW = 0.25 / synapses.scale();
        for (int k = 0; k < 7; k++) {
            synapses.update(new double[] {deltaW}, PcmUpdateScheme.MIXED_PRECISION, new SplittableRandom(k));
        }
        // 7 x 0.25 = 1.75 uS desired: two pulses of 0.75, 0.25 left in the accumulator
        assertEquals(G_MIN + 1.5, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(0.25, synapses.accumulator(0), 1e-12);
    }

    @Test
    void signSchemePulsesTheDeviceOfTheChangesSignOnly() {
        PcmSynapses synapses = zeros(fixedPulse(0.5), 3, 1);
        synapses.update(new double[] {1e-9, -1e-9, 0.0}, PcmUpdateScheme.SIGN, new SplittableRandom(4));
        assertEquals(G_MIN + 0.5, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(G_MIN, synapses.conductance(0, 0, false), 0.0);
        assertEquals(G_MIN + 0.5, synapses.conductance(0, 1, false), 1e-12);
        assertEquals(G_MIN, synapses.conductance(0, 2, true), 0.0);
        assertEquals(2, synapses.pulses());
    }

    @Test
    void stochasticSchemePulsesWithProbabilityChangeOverNominalPulse() {
        int n = 20_000;
        PcmSynapses synapses = zeros(fixedPulse(0.75), n, 1);
        double[] deltaW = new double[n];
        java.util.Arrays.fill(deltaW, 0.3 / synapses.scale());
        synapses.update(deltaW, PcmUpdateScheme.STOCHASTIC, new SplittableRandom(5));
        double p = 0.3 / 0.75;
        assertEquals(p * n, synapses.pulses(), 4 * Math.sqrt(n * p * (1 - p)));
        // unbiased: the mean change equals the desired change
        double meanChange = synapses.pulses() * 0.75 / n;
        assertEquals(0.3, meanChange, 4 * 0.75 * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void multiMemristorTakesThePairsInTurn() {
        PcmSynapses synapses = zeros(fixedPulse(0.75), 1, 3);
        double certain = 0.75 / synapses.scale();
        for (int k = 0; k < 4; k++) {
            synapses.update(new double[] {certain}, PcmUpdateScheme.MULTI_MEMRISTOR, new SplittableRandom(k));
        }
        assertEquals(G_MIN + 1.5, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(G_MIN + 0.75, synapses.conductance(1, 0, true), 1e-12);
        assertEquals(G_MIN + 0.75, synapses.conductance(2, 0, true), 1e-12);
        assertEquals(3 * 0.75 + 0.75, synapses.weights()[0] * synapses.scale(), 1e-9);
    }

    @Test
    void refreshResetsAPairWhoseDevicesAreBothHighButClose() {
        PcmSynapses synapses = zeros(fixedPulse(5.0), 1, 1);
        double certain = 1e-9;
        for (double sign : new double[] {1, 1, -1}) {
            synapses.update(new double[] {sign * certain}, PcmUpdateScheme.SIGN, new SplittableRandom(6));
        }
        assertEquals(G_MIN + 10, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(G_MIN + 5, synapses.conductance(0, 0, false), 1e-12);
        synapses.update(new double[] {-certain}, PcmUpdateScheme.SIGN, new SplittableRandom(7));
        // both at 10.1 > 9 uS with difference 0 < 9 / 4: RESET and reprogram the difference (0)
        assertEquals(G_MIN, synapses.conductance(0, 0, true), 1e-12);
        assertEquals(G_MIN, synapses.conductance(0, 0, false), 1e-12);
    }
}
