package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;

/**
 * The inference-time laws of one PCM device, conductances in microsiemens: programming noise,
 * drift exponent, drift with time since programming, read noise.
 */
public interface PcmDevice {
    /** The conductance reached when programming towards {@code targetMicroSiemens}. */
    double program(double targetMicroSiemens, SplittableRandom random);

    /** The drift exponent nu of a device programmed towards {@code targetMicroSiemens}. */
    double driftExponent(double targetMicroSiemens, SplittableRandom random);

    /** G(t) of a device programmed to {@code programmedMicroSiemens}, without read noise. */
    double drift(double programmedMicroSiemens, double nu, double secondsSinceProgramming);

    /** One noisy read of a device whose noise-free conductance is {@code microSiemens}. */
    double read(double microSiemens, double secondsSinceProgramming, SplittableRandom random);

    static PcmDevice of(CrossbarSpec spec) {
        return switch (spec.device()) {
            case NANDAKUMAR -> new NandakumarPcm(spec);
            case AIHWKIT -> new AihwkitPcm(spec);
        };
    }

    /** A standard normal draw (Box-Muller), so that results depend on the seed alone. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
