package org.sernn.hardware;

/**
 * How a desired weight change becomes SET pulses on PCM differential pairs (Nandakumar et al.
 * 2018; Demirag et al., code YigitDemirag/srnn-pcm; docs/hardware.md).
 */
public enum PcmUpdateScheme {
    /** one pulse on G+ (dW > 0) or G- (dW < 0) for every non-zero desired change */
    SIGN,
    /**
     * one pulse with probability |dG| / nominal pulse (mu_0 of the pulse law); unbiased while the
     * pulse is near nominal (the reference code divides by a tuned prob_scale instead)
     */
    STOCHASTIC,
    /** stochastic pulses on N pairs per synapse, taken in turn (round robin) */
    MULTI_MEMRISTOR,
    /** a digital accumulator chi += dG; floor(|chi| / eps) pulses when it reaches eps, chi keeps the rest */
    MIXED_PRECISION
}
