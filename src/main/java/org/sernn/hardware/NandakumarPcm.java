package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;

/**
 * PCM device of Nandakumar et al. (2018) as used by Demirag et al. (code YigitDemirag/srnn-pcm),
 * docs/hardware.md, with the numbers from the profile:
 * <ul>
 *   <li>programming: G ~ N(target, (a_p G + b_p)^2), clamped to [g_min, g_max]</li>
 *   <li>drift: G(t) = G (t / T0)^-nu for t >= T0 (the law is referenced to T0; earlier reads see
 *       the programmed value)</li>
 *   <li>read noise: sigma = a_r G + b_r, reads clamped at 0</li>
 * </ul>
 */
final class NandakumarPcm implements PcmDevice {
    private final CrossbarSpec spec;

    NandakumarPcm(CrossbarSpec spec) {
        this.spec = spec;
    }

    @Override
    public double program(double target, SplittableRandom random) {
        double sigma = spec.programmingNoiseSlope() * target + spec.programmingNoiseOffsetMicroSiemens();
        double g = target + sigma * PcmDevice.gaussian(random);
        return Math.max(spec.gMinMicroSiemens(), Math.min(spec.gMaxMicroSiemens(), g));
    }

    @Override
    public double driftExponent(double target, SplittableRandom random) {
        return spec.driftNu();
    }

    @Override
    public double drift(double programmed, double nu, double seconds) {
        double t0 = spec.driftT0Seconds();
        return programmed * Math.pow(Math.max(seconds, t0) / t0, -nu);
    }

    @Override
    public double read(double g, double seconds, SplittableRandom random) {
        double sigma = spec.readNoiseSlope() * g + spec.readNoiseOffsetMicroSiemens();
        return Math.max(0.0, g + sigma * PcmDevice.gaussian(random));
    }
}
