package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sernn.hardware.HardwareProfile.DecayMode;

class DecayQuantiserTest {
    @Test
    void twelveBitDecayIsTheNearestMultipleOfOne4096th() {
        // exp(-1/20) = 0.951229... -> 4096 x = 3896.23 -> 3896 / 4096
        assertEquals(3896.0 / 4096, DecayQuantiser.decay(20, 1, DecayMode.TWELVE_BIT), 0.0);
        double tau = DecayQuantiser.effectiveTauMs(20, 1, DecayMode.TWELVE_BIT);
        assertEquals(3896.0 / 4096, Math.exp(-1 / tau), 1e-14);
    }

    @Test
    void bitShiftDecayIsOneMinusTwoToTheMinusDash() {
        // dash = round(log2(20 / 1)) = round(4.32) = 4 -> 1 - 1/16
        assertEquals(0.9375, DecayQuantiser.decay(20, 1, DecayMode.BIT_SHIFT), 0.0);
        // dash = round(log2(500 / 2)) = round(7.97) = 8 -> 1 - 1/256
        assertEquals(1 - 1.0 / 256, DecayQuantiser.decay(500, 2, DecayMode.BIT_SHIFT), 0.0);
        double tau = DecayQuantiser.effectiveTauMs(20, 1, DecayMode.BIT_SHIFT);
        assertEquals(0.9375, Math.exp(-1 / tau), 1e-14);
    }
}
