package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;

/** The PCM device laws of docs/hardware.md against their formulas, and the differential-pair mapping. */
class CrossbarTest {
    private static final int DRAWS = 50_000;

    static CrossbarSpec nandakumar(double programmingSlope, double programmingOffset, double readSlope,
            double readOffset) {
        return new CrossbarSpec(HardwareProfile.CrossbarDevice.NANDAKUMAR, 12.0, 0.1, programmingSlope,
                programmingOffset, readSlope, readOffset, 0.04, 38.6, null, 0.0, 0.0, null, null);
    }

    static CrossbarSpec aihwkit() {
        return new CrossbarSpec(HardwareProfile.CrossbarDevice.AIHWKIT, 25.0, 0.0, null, null, null, null, null, 20.0,
                250e-9, 0.0, 0.0, null, null);
    }

    @Test
    void nandakumarDriftFollowsThePowerLawFromT0() {
        PcmDevice device = PcmDevice.of(nandakumar(0, 0, 0, 0));
        assertEquals(5.0 * Math.pow(86_400 / 38.6, -0.04), device.drift(5.0, 0.04, 86_400), 1e-12);
        assertEquals(5.0, device.drift(5.0, 0.04, 1.0), 0.0);
    }

    @Test
    void nandakumarReadNoiseHasTheLinearSigma() {
        PcmDevice device = PcmDevice.of(nandakumar(0, 0, 0.03, 0.13));
        double[] moments = moments(() -> device.read(5.0, 1.0, RANDOM));
        assertEquals(5.0, moments[0], 4 * 0.28 / Math.sqrt(DRAWS));
        assertEquals(0.03 * 5 + 0.13, moments[1], 0.28 * 0.02);
    }

    @Test
    void aihwkitProgrammingNoiseHasThePolynomialSigma() {
        PcmDevice device = PcmDevice.of(aihwkit());
        double sigma = 0.26348 + 1.9650 * 0.5 - 1.1731 * 0.25; // x = 12.5 / 25, g_max / 25 = 1
        double[] moments = moments(() -> device.program(12.5, RANDOM));
        assertEquals(12.5, moments[0], 4 * sigma / Math.sqrt(DRAWS));
        assertEquals(sigma, moments[1], sigma * 0.02);
    }

    @Test
    void aihwkitDriftExponentAtFullConductanceHasTheClampedMoments() {
        // x = 1: mu_nu = clamp(0.0244, 0.049, 0.1) = 0.049, s_nu = clamp(-0.0059, 0.008, 0.045) = 0.008;
        // six sigma from zero, so |N| equals N in distribution here
        PcmDevice device = PcmDevice.of(aihwkit());
        double[] moments = moments(() -> device.driftExponent(25.0, RANDOM));
        assertEquals(0.049, moments[0], 4 * 0.008 / Math.sqrt(DRAWS));
        assertEquals(0.008, moments[1], 0.008 * 0.02);
        assertEquals(10 * Math.pow(1020.0 / 20, -0.05), device.drift(10, 0.05, 1000), 1e-12);
    }

    @Test
    void noiselessCrossbarReadsTheWeightsBackAndCompensationUndoesUniformDrift() {
        Crossbar crossbar = new Crossbar(nandakumar(0, 0, 0, 0));
        double[] w = {0.5, -1.0, 0.0, 0.25};
        double year = 31_557_600;
        assertArrayEquals(w, crossbar.deploy(w, null, 1.0, false, new SplittableRandom(1)), 1e-12);
        double factor = Math.pow(year / 38.6, -0.04);
        double[] drifted = crossbar.deploy(w, null, year, false, new SplittableRandom(1));
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i] * factor, drifted[i], 1e-12);
        }
        assertArrayEquals(w, crossbar.deploy(w, null, year, true, new SplittableRandom(1)), 1e-12);
    }

    @Test
    void entriesWithoutDevicesStayZero() {
        Crossbar crossbar = new Crossbar(nandakumar(0.091, 0.26, 0.03, 0.13));
        double[] w = {0.0, 0.7, -0.2, 0.0};
        double[] read = crossbar.deploy(w, new boolean[] {false, true, true, false}, 100, true, new SplittableRandom(2));
        assertEquals(0.0, read[0], 0.0);
        assertEquals(0.0, read[3], 0.0);
    }

    private static final SplittableRandom RANDOM = new SplittableRandom(42);

    private static double[] moments(java.util.function.DoubleSupplier draw) {
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < DRAWS; k++) {
            double x = draw.getAsDouble();
            sum += x;
            squares += x * x;
        }
        double mean = sum / DRAWS;
        return new double[] {mean, Math.sqrt((squares - DRAWS * mean * mean) / (DRAWS - 1))};
    }
}
