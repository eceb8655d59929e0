package org.sernn.hardware;

import java.util.SplittableRandom;
import org.sernn.hardware.HardwareProfile.CrossbarSpec;
import org.sernn.hardware.HardwareProfile.PulseSpec;

/**
 * A weight matrix held as PCM differential pairs during on-chip training (Nandakumar et al. 2018
 * device model as used by Demirag et al.; docs/hardware.md): W = sum_k (G+_k - G-_k) / scale
 * over {@code pairs} pairs per synapse, conductances in microsiemens.
 * <ul>
 *   <li>One SET pulse on a device: P_mem <- P_mem exp(-1 / pmem_decay_pulses); dG ~ N(mu, sigma) with
 *       mu = mu_g G + mu_0 + mu_p P_mem, sigma = sigma_g G + sigma_0 + sigma_p P_mem; G clamped to
 *       [g_min, g_max]. P_mem is 1 after a RESET or programming and decays with each SET pulse
 *       (as in the reference code, srnn-pcm xbar.py).</li>
 *   <li>Refresh: when a device of a pair exceeds the refresh threshold and |G+ - G-| is below a
 *       quarter of it, both are RESET and the difference is programmed again.</li>
 *   <li>Reads add the device's read noise.</li>
 * </ul>
 * Drift during training is not modelled (training runs for seconds to minutes of device time).
 */
public final class PcmSynapses {
    private final CrossbarSpec spec;
    private final PulseSpec pulse;
    private final PcmDevice device;
    private final int size;
    private final int pairs;
    private final double scale;
    private final boolean[] onDevice;
    private final double[][] gPlus;
    private final double[][] gMinus;
    private final double[][] pmemPlus;
    private final double[][] pmemMinus;
    private final double[] accumulator;
    private final int[] nextPair;
    private long pulses;

    /**
     * Programs {@code weights} (each pair gets an equal share) with scale = pairs (g_max - g_min) /
     * (headroom max|W|): weights can grow to headroom times the initial largest.
     */
    public PcmSynapses(CrossbarSpec spec, double[] weights, boolean[] onDevice, int pairs, double headroom,
            SplittableRandom random) {
        if (spec.pulse() == null) {
            throw new IllegalArgumentException("on-chip training needs the crossbar.pulse section of the profile");
        }
        this.spec = spec;
        this.pulse = spec.pulse();
        this.device = PcmDevice.of(spec);
        this.size = weights.length;
        this.pairs = pairs;
        this.onDevice = onDevice;
        double wMax = 0;
        for (double w : weights) {
            wMax = Math.max(wMax, Math.abs(w));
        }
        this.scale = pairs * (spec.gMaxMicroSiemens() - spec.gMinMicroSiemens()) / (headroom * Math.max(wMax, 1e-12));
        gPlus = new double[pairs][size];
        gMinus = new double[pairs][size];
        pmemPlus = new double[pairs][size];
        pmemMinus = new double[pairs][size];
        accumulator = new double[size];
        nextPair = new int[size];
        for (int i = 0; i < size; i++) {
            if (has(i)) {
                for (int k = 0; k < pairs; k++) {
                    double share = weights[i] * scale / pairs;
                    program(k, i, share, random);
                }
            }
        }
    }

    /** Microsiemens per unit of weight. */
    public double scale() {
        return scale;
    }

    /** SET pulses applied so far (for reports). */
    public long pulses() {
        return pulses;
    }

    /** One noisy read of the weights (entries without devices are 0). */
    public double[] read(SplittableRandom random) {
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            if (!has(i)) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < pairs; k++) {
                sum += device.read(gPlus[k][i], 0, random) - device.read(gMinus[k][i], 0, random);
            }
            w[i] = sum / scale;
        }
        return w;
    }

    /** The noise-free weights the conductances hold. */
    public double[] weights() {
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < pairs; k++) {
                w[i] += (gPlus[k][i] - gMinus[k][i]) / scale;
            }
        }
        return w;
    }

    /** Applies a desired weight change {@code deltaW} with the given scheme, then refreshes. */
    public void update(double[] deltaW, PcmUpdateScheme scheme, SplittableRandom random) {
        double nominal = pulse.mu0MicroSiemens();
        for (int i = 0; i < size; i++) {
            if (!has(i)) {
                continue;
            }
            double dG = deltaW[i] * scale;
            switch (scheme) {
                case SIGN -> {
                    if (dG != 0) {
                        pulse(0, i, dG > 0, random);
                    }
                }
                case STOCHASTIC, MULTI_MEMRISTOR -> {
                    if (random.nextDouble() < Math.abs(dG) / nominal) {
                        int k = nextPair[i];
                        nextPair[i] = (k + 1) % pairs;
                        pulse(k, i, dG > 0, random);
                    }
                }
                case MIXED_PRECISION -> {
                    accumulator[i] += dG;
                    double eps = pulse.accumulatorThresholdMicroSiemens();
                    int count = (int) Math.floor(Math.abs(accumulator[i]) / eps);
                    boolean up = accumulator[i] > 0;
                    for (int p = 0; p < count; p++) {
                        pulse(0, i, up, random);
                    }
                    accumulator[i] -= (up ? 1 : -1) * count * eps;
                }
            }
            refresh(i, random);
        }
    }

    /** One SET pulse on G+ (up) or G- of pair k of synapse i. */
    void pulse(int k, int i, boolean up, SplittableRandom random) {
        double[] g = up ? gPlus[k] : gMinus[k];
        double[] pmem = up ? pmemPlus[k] : pmemMinus[k];
        pmem[i] *= Math.exp(-1.0 / pulse.pmemDecayPulses());
        double mu = pulse.muG() * g[i] + pulse.mu0MicroSiemens() + pulse.muP() * pmem[i];
        double sigma = pulse.sigmaG() * g[i] + pulse.sigma0MicroSiemens() + pulse.sigmaP() * pmem[i];
        double dG = mu + sigma * PcmDevice.gaussian(random);
        g[i] = Math.max(spec.gMinMicroSiemens(), Math.min(spec.gMaxMicroSiemens(), g[i] + dG));
        pulses++;
    }

    private void refresh(int i, SplittableRandom random) {
        double threshold = pulse.refreshThresholdMicroSiemens();
        for (int k = 0; k < pairs; k++) {
            double difference = gPlus[k][i] - gMinus[k][i];
            if (Math.max(gPlus[k][i], gMinus[k][i]) > threshold && Math.abs(difference) < threshold / 4) {
                program(k, i, difference, random);
            }
        }
    }

    /** RESET both devices of pair k and program the signed difference onto one of them. */
    private void program(int k, int i, double differenceMicroSiemens, SplittableRandom random) {
        double gMin = spec.gMinMicroSiemens();
        gPlus[k][i] = differenceMicroSiemens > 0 ? device.program(gMin + differenceMicroSiemens, random) : gMin;
        gMinus[k][i] = differenceMicroSiemens < 0 ? device.program(gMin - differenceMicroSiemens, random) : gMin;
        pmemPlus[k][i] = 1;
        pmemMinus[k][i] = 1;
    }

    private boolean has(int i) {
        return onDevice == null || onDevice[i];
    }

    /** Conductance of G+ (plus) or G- of pair k, synapse i (for tests). */
    double conductance(int k, int i, boolean plus) {
        return plus ? gPlus[k][i] : gMinus[k][i];
    }

    double accumulator(int i) {
        return accumulator[i];
    }
}
