package org.sernn.hardware;

import org.sernn.hardware.HardwareProfile.DecayMode;

/**
 * Decay factors as a chip stores them, returned as the time constant that gives that factor in
 * the float model, tau' = -dt / ln(alpha_q), so a Network can carry them:
 * <ul>
 *   <li>12-bit (Loihi, Davies 2018): alpha_q = round(4096 alpha) / 4096</li>
 *   <li>bit shift (Xylo, Rockpool): v <- v - (v >> dash), dash = round(log2(tau / dt)), so
 *       alpha_q = 1 - 2^-dash</li>
 * </ul>
 */
public final class DecayQuantiser {
    static final double LOIHI_DECAY_DENOMINATOR = 4096;

    private DecayQuantiser() {
    }

    /** The decay factor per step the chip applies for a time constant tauMs at step dtMs. */
    public static double decay(double tauMs, double dtMs, DecayMode mode) {
        double alpha = Math.exp(-dtMs / tauMs);
        return switch (mode) {
            case EXACT -> alpha;
            case TWELVE_BIT -> Math.round(alpha * LOIHI_DECAY_DENOMINATOR) / LOIHI_DECAY_DENOMINATOR;
            case BIT_SHIFT -> 1 - Math.pow(2, -Math.max(0, Math.round(Math.log(tauMs / dtMs) / Math.log(2))));
        };
    }

    /** The time constant whose exact decay equals the chip's: -dt / ln(alpha_q). */
    public static double effectiveTauMs(double tauMs, double dtMs, DecayMode mode) {
        if (mode == DecayMode.EXACT) {
            return tauMs;
        }
        double alpha = decay(tauMs, dtMs, mode);
        if (alpha >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return alpha <= 0 ? 0.0 : -dtMs / Math.log(alpha);
    }
}
