package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;

/**
 * A weight matrix on a PCM crossbar of differential pairs (docs/hardware.md):
 * W = (G+ - G-) / scale with scale = (g_max - g_min) / max|W|; a positive weight programs G+
 * towards g_min + W scale and leaves G- at g_min (and the reverse for a negative weight). Each
 * device may be stuck at g_min or g_max, is programmed with noise, drifts with its own exponent
 * and is read with noise. Global drift compensation (as in aihwkit) multiplies the read weights by
 * sum(G programmed) / sum(G read now): the ratio a reference read with all inputs on would measure.
 */
public final class Crossbar {
    private final CrossbarSpec spec;
    private final PcmDevice device;

    public Crossbar(CrossbarSpec spec) {
        this.spec = spec;
        this.device = PcmDevice.of(spec);
    }

    /**
     * The weights read back from a crossbar programmed with {@code weights}.
     *
     * @param onDevice which entries have devices (false entries stay exactly 0, e.g. the diagonal
     *                 of a spiking network's recurrent matrix); null for all
     */
    public double[] deploy(double[] weights, boolean[] onDevice, double secondsSinceProgramming,
            boolean driftCompensation, SplittableRandom random) {
        double wMax = 0;
        for (double w : weights) {
            wMax = Math.max(wMax, Math.abs(w));
        }
        double[] out = new double[weights.length];
        if (wMax == 0) {
            return out;
        }
        double gMin = spec.gMinMicroSiemens();
        double scale = (spec.gMaxMicroSiemens() - gMin) / wMax;
        double programmedSum = 0;
        double readSum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (onDevice != null && !onDevice[i]) {
                continue;
            }
            double w = weights[i];
            double[] plus = cell(gMin + Math.max(w, 0) * scale, secondsSinceProgramming, random);
            double[] minus = cell(gMin + Math.max(-w, 0) * scale, secondsSinceProgramming, random);
            programmedSum += plus[0] + minus[0];
            readSum += plus[1] + minus[1];
            out[i] = (plus[1] - minus[1]) / scale;
        }
        if (driftCompensation && readSum > 0) {
            double factor = programmedSum / readSum;
            for (int i = 0; i < out.length; i++) {
                out[i] *= factor;
            }
        }
        return out;
    }

    /** {programmed conductance, read conductance at time t} of one device aimed at {@code target}. */
    private double[] cell(double target, double seconds, SplittableRandom random) {
        double fault = random.nextDouble();
        double programmed;
        if (fault < spec.stuckAtZeroFraction()) {
            programmed = spec.gMinMicroSiemens();
        } else if (fault < spec.stuckAtZeroFraction() + spec.stuckAtMaxFraction()) {
            programmed = spec.gMaxMicroSiemens();
        } else {
            programmed = device.program(target, random);
        }
        double nu = device.driftExponent(target, random);
        double read = device.read(device.drift(programmed, nu, seconds), seconds, random);
        return new double[] {programmed, read};
    }
}
