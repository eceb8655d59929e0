package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Loihi's 8-bit even mantissa with a shared exponent (Davies et al. 2018; docs/hardware.md, docs/formats.md). */
class LoihiWeightsTest {

    @Test
    void unitsKeepSmallWeightsAtFullResolution() {
        // 0.5 * 256 = 128 fits 254 and 0.5 * 512 = 256 does not.
        assertEquals(256.0, LoihiWeights.units(0.5, 0.6));
        // 10 * 16 = 160 fits 254 and 10 * 32 = 320 does not: coarser units rather than an exponent,
        // since netx's loader clips stored weights to [-256, 254].
        assertEquals(16.0, LoihiWeights.units(10, 1));
        // A threshold of 1000 caps the units at 128 (1000 * 128 < 131071 < 1000 * 256).
        assertEquals(128.0, LoihiWeights.units(0.01, 1000));
    }

    @Test
    void exponentIsTheSmallestThatFitsTheMantissa() {
        double units = 64;
        double[] w = {10.0, -9.3, 0.01, 3.3};
        LoihiWeights q = LoihiWeights.quantise(1, 4, w, units);
        // max |w| units = 640: 640 / 2 = 320 > 254, 640 / 4 = 160 <= 254.
        assertEquals(2, q.exponent());
        assertEquals(2 * Math.round(640.0 / 8), q.mantissa()[0]);
    }

    @Test
    void mantissasAreEvenInRangeAndWithinHalfAStep() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            double spread = Math.pow(10, random.nextDouble(-2, 1.5));
            double[] w = new double[200];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextDouble(-spread, spread);
            }
            double units = LoihiWeights.units(spread, 1.0);
            LoihiWeights q = LoihiWeights.quantise(10, 20, w, units);
            QuantisedWeights effective = q.effective();
            double step = Math.pow(2, q.exponent() + 1) / units;
            for (int i = 0; i < w.length; i++) {
                int m = q.mantissa()[i];
                assertTrue(m % 2 == 0 && m >= -256 && m <= 254, "mantissa " + m);
                assertEquals(w[i], effective.values()[i] * effective.scale(0), step / 2 + 1e-12);
            }
            assertEquals(0, q.exponent(), "units from the largest weight need no exponent");
        }
    }
}
