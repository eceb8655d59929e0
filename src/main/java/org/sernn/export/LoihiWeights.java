package org.sernn.export;

/**
 * Loihi's weights: an 8-bit signed mantissa with a shared weight exponent per core, the effective
 * weight mantissa * 2^exponent in the same integer units as the threshold mantissa (Davies et al.,
 * IEEE Micro 2018; docs/hardware.md, docs/formats.md). The mantissa is stored with its lowest bit
 * dropped, so it is even and lies in [-256, 254].
 *
 * @param units       integer weight units per unit of sernn weight (and of voltage)
 * @param mantissa    row-major mantissas, even, in [-256, 254]
 * @param exponent    the shared weight exponent, 0..7
 */
public record LoihiWeights(int rows, int cols, double units, int[] mantissa, int exponent) {
    public static final int MANTISSA_MIN = -256;
    public static final int MANTISSA_MAX = 254;
    /** Loihi's threshold mantissa has 17 bits. */
    public static final int THRESHOLD_MANTISSA_MAX = (1 << 17) - 1;
    public static final int EXPONENT_MAX = 7;

    public LoihiWeights {
        mantissa = mantissa.clone();
    }

    /**
     * Integer units per unit of weight: the largest power of two 2^k (k of either sign) that keeps
     * the largest weight within the 8-bit even mantissa (|w| units <= 254) and the largest threshold
     * within 17 bits. lava-dl's netx loader (lava/lib/dl/netx/utils.py, optimize_weight_bits) clips
     * stored weights to [-256, 254] and derives the weight exponent itself, so the file's weights
     * must already fit there: large weights take coarser units, not an exponent.
     */
    public static double units(double maxAbsWeight, double maxThreshold) {
        double units = 1.0;
        while (fits(maxAbsWeight, maxThreshold, units * 2) && units < (1L << 30)) {
            units *= 2;
        }
        while (!fits(maxAbsWeight, maxThreshold, units) && units > 0x1p-30) {
            units /= 2;
        }
        return units;
    }

    private static boolean fits(double maxAbsWeight, double maxThreshold, double units) {
        return maxAbsWeight * units <= MANTISSA_MAX && maxThreshold * units <= THRESHOLD_MANTISSA_MAX;
    }

    /**
     * Quantises row-major {@code weights} at {@code units} integer units per weight: the exponent is
     * the smallest e >= 0 with max |w units| / 2^e <= 254; each mantissa is 2 round(w units / 2^(e+1)),
     * clipped to [-256, 254].
     */
    public static LoihiWeights quantise(int rows, int cols, double[] weights, double units) {
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, Math.abs(w * units));
        }
        int exponent = 0;
        while (max / (1 << exponent) > MANTISSA_MAX) {
            exponent++;
        }
        if (exponent > EXPONENT_MAX) {
            throw new IllegalArgumentException("weights up to " + max / units + " need a weight exponent of " + exponent
                    + "; Loihi allows up to " + EXPONENT_MAX);
        }
        int[] mantissa = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            long even = 2 * Math.round(weights[i] * units / (1 << (exponent + 1)));
            mantissa[i] = (int) Math.max(MANTISSA_MIN, Math.min(MANTISSA_MAX, even));
        }
        return new LoihiWeights(rows, cols, units, mantissa, exponent);
    }

    /** The integer weights as netx stores them (mantissa * 2^exponent) with the real weight per integer step. */
    public QuantisedWeights effective() {
        int[] values = new int[mantissa.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = mantissa[i] << exponent;
        }
        return new QuantisedWeights(rows, cols, values, 1.0 / units);
    }
}
