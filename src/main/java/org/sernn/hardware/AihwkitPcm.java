package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;

/**
 * IBM aihwkit's PCMLikeNoiseModel (inference), docs/hardware.md; g in microsiemens,
 * x = g / g_max:
 * <ul>
 *   <li>programming noise sigma = (0.26348 + 1.9650 x - 1.1731 x^2) g_max / 25, g >= 0</li>
 *   <li>drift exponent nu ~ |N(mu_nu, s_nu)|, mu_nu = clamp(-0.0155 ln x + 0.0244, 0.049, 0.1),
 *       s_nu = clamp(-0.0125 ln x - 0.0059, 0.008, 0.045)</li>
 *   <li>drift G(t) = G_p ((t + t0) / t0)^-nu (aihwkit counts inference time from t0)</li>
 *   <li>1/f read noise Q = min(0.0088 / max(x^0.65, 1e-3), 0.2),
 *       sigma = |G| Q sqrt(ln((t + t_read) / (2 t_read)))</li>
 * </ul>
 */
final class AihwkitPcm implements PcmDevice {
    private final CrossbarSpec spec;

    AihwkitPcm(CrossbarSpec spec) {
        this.spec = spec;
    }

    @Override
    public double program(double target, SplittableRandom random) {
        double gMax = spec.gMaxMicroSiemens();
        double x = target / gMax;
        double sigma = (0.26348 + 1.9650 * x - 1.1731 * x * x) * gMax / 25.0;
        return Math.max(0.0, target + sigma * PcmDevice.gaussian(random));
    }

    @Override
    public double driftExponent(double target, SplittableRandom random) {
        double logX = Math.log(target / spec.gMaxMicroSiemens());
        double mean = clamp(-0.0155 * logX + 0.0244, 0.049, 0.1);
        double std = clamp(-0.0125 * logX - 0.0059, 0.008, 0.045);
        return Math.abs(mean + std * PcmDevice.gaussian(random));
    }

    @Override
    public double drift(double programmed, double nu, double seconds) {
        double t0 = spec.driftT0Seconds();
        return programmed * Math.pow((seconds + t0) / t0, -nu);
    }

    @Override
    public double read(double g, double seconds, SplittableRandom random) {
        double x = g / spec.gMaxMicroSiemens();
        double q = Math.min(0.0088 / Math.max(Math.pow(x, 0.65), 1e-3), 0.2);
        double tRead = spec.readTimeSeconds();
        double sigma = q * Math.sqrt(Math.max(0.0, Math.log((seconds + tRead) / (2 * tRead))));
        return Math.max(0.0, g + Math.abs(g) * sigma * PcmDevice.gaussian(random));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
