package org.sernn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.InputBatch;
import org.sernn.task.PoissonEncoder;

/**
 * One benchmark workload: a random ALIF network built through the project's own config path
 * ({@link ConfigLoader#fromYaml}, {@link NetworkFactory#build}) and one trial of Poisson input.
 *
 * <p>Every workload has 100 Poisson input channels, fully connected to the recurrent units
 * (w_in Gaussian with std gain / sqrt(100)), recurrent Gaussian weights with connection
 * probability p (std gain / sqrt(p n), no self-connections), 2 leaky readout units, and the
 * discrete ALIF of docs/neurons.md with every unit adaptive: dt 1 ms, tau_m 20 ms,
 * tau_a 200 ms, beta 0.07, v_th 0.6, n_ref 2 (the constants of models/alif-demo.yaml). One trial
 * of 1,000 steps (1 s).
 *
 * @param name           key used by JMH's {@code @Param} and in result files
 * @param nRec           recurrent units
 * @param connectionProb recurrent connection probability
 * @param wInGain        input weight gain
 * @param wRecGain       recurrent weight gain
 * @param inputRateHz    Poisson rate of every input channel
 * @param excitatoryInput input weights made non-negative (|w_in|), for the high-rate sweep
 * @param seed           network seed; the input spikes use seed + 1
 */
public record Workload(String name, int nRec, double connectionProb, double wInGain, double wRecGain,
        double inputRateHz, boolean excitatoryInput, long seed) {

    public static final int INPUTS = 100;
    public static final int OUTPUTS = 2;
    public static final int STEPS = 1000;
    public static final double DT_MS = 1.0;
    public static final double TAU_M_MS = 20.0;
    public static final double TAU_A_MS = 200.0;
    public static final double BETA = 0.07;
    public static final double V_TH = 0.6;
    public static final int N_REF = 2;
    public static final double TAU_OUT_MS = 20.0;

    /** (a) 1,000 ALIF units, 10% recurrent connectivity, 100 inputs at 20 Hz. */
    public static final Workload N1000 = new Workload("n1000_p10", 1000, 0.10, 2.0, 0.8, 20.0, false, 11);
    /** (b) 10,000 ALIF units, 1% recurrent connectivity, 100 inputs at 20 Hz. */
    public static final Workload N10000 = new Workload("n10000_p1", 10000, 0.01, 2.0, 0.8, 20.0, false, 12);

    /**
     * Drive levels of the firing-rate sweep on network (a): the same recurrent weights (same seed),
     * excitatory input weights (|w_in|: zero-mean input saturates near 170 Hz, where the adaptive
     * threshold outruns the fluctuations), input rate and input gain raised together so that the
     * recurrent rate spans about 5 to 300 Hz.
     * Names are "sweep_" plus the level; {@link #sweep(String)} rebuilds one.
     */
    public static final String[] SWEEP_LEVELS = {"1", "2", "3", "4", "5", "6", "7", "8"};
    private static final double[][] SWEEP_DRIVE = {
        // input rate Hz, w_in gain (|w_in|): measured mean rates about 6, 11, 20, 40, 80, 135, 185, 310 Hz
        {5.0, 0.4},
        {5.0, 0.5},
        {7.0, 0.5},
        {10.0, 0.6},
        {12.0, 1.0},
        {20.0, 1.0},
        {20.0, 1.5},
        {40.0, 2.0},
    };

    public static Workload sweep(String level) {
        int k = Integer.parseInt(level) - 1;
        return new Workload("sweep_" + level, N1000.nRec, N1000.connectionProb, SWEEP_DRIVE[k][1], N1000.wRecGain,
                SWEEP_DRIVE[k][0], true, N1000.seed);
    }

    /** The workload of a name: n1000_p10, n10000_p1 or sweep_LEVEL. */
    public static Workload named(String name) {
        if (name.equals(N1000.name)) {
            return N1000;
        }
        if (name.equals(N10000.name)) {
            return N10000;
        }
        if (name.startsWith("sweep_")) {
            return sweep(name.substring("sweep_".length()));
        }
        throw new IllegalArgumentException("unknown workload " + name + "; known: " + all());
    }

    public static List<Workload> all() {
        List<Workload> out = new ArrayList<>(List.of(N1000, N10000));
        for (String level : SWEEP_LEVELS) {
            out.add(sweep(level));
        }
        return out;
    }

    /** A copy with other drive (for tuning). */
    public Workload withDrive(double newWInGain, double newWRecGain, double newInputRateHz) {
        return new Workload(name, nRec, connectionProb, newWInGain, newWRecGain, newInputRateHz, excitatoryInput, seed);
    }

    public String yaml() {
        return String.format(Locale.ROOT, """
                name: bench-%s
                seed: %d
                sizes: {inputs: %d, recurrent: %d, outputs: %d}
                space: {layout: box}
                neuron: {type: alif, alif_fraction: 1.0, dt_ms: %s, tau_m_ms: %s, tau_a_ms: %s, beta: %s, v_th: %s, \
                n_ref: %d, tau_out_ms: %s}
                weights:
                  w_in: {init: gaussian, gain: %s, connection_prob: 1.0}
                  w_rec: {init: gaussian, gain: %s, connection_prob: %s}
                  w_out: {init: gaussian, gain: 1.0}
                input: {encoding: poisson, max_rate_hz: %s}
                """, name, seed, INPUTS, nRec, OUTPUTS, DT_MS, TAU_M_MS, TAU_A_MS, BETA, V_TH, N_REF, TAU_OUT_MS,
                wInGain, wRecGain, connectionProb, Math.max(inputRateHz, 1.0));
    }

    public Network network() {
        ModelConfig config = ConfigLoader.fromYaml(yaml(), "benchmark workload " + name);
        Network network = NetworkFactory.build(config, Path.of("."));
        if (!excitatoryInput) {
            return network;
        }
        DenseMatrix wIn = network.wIn();
        double[] magnitude = wIn.toArray();
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.abs(magnitude[i]);
        }
        return new Network(network.config(), network.positions(), network.neurons(),
                DenseMatrix.of(wIn.rows(), wIn.cols(), magnitude), network.wRec(), network.wOut(), network.bRec(),
                network.bOut());
    }

    public InputBatch input() {
        return input(1);
    }

    /** Independent Poisson trials (trial 0 is {@link #input()}'s only when trials = 1). */
    public InputBatch input(int trials) {
        return PoissonEncoder.background(trials, STEPS, INPUTS, inputRateHz, DT_MS, new SplittableRandom(seed + 1));
    }

    /** Mean firing rate in Hz of a one-trial run of this workload with the given spike count. */
    public double rateHz(long spikes) {
        return rateHz(spikes, 1);
    }

    public double rateHz(long spikes, int trials) {
        return spikes / ((double) nRec * trials * STEPS * DT_MS / 1000.0);
    }
}
