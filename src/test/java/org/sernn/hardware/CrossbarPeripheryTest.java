package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.Periphery;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.sim.DenseSimulator;
import org.sernn.sim.InputBatch;
import org.sernn.sim.RecordOptions;
import org.sernn.sim.Recording;
import org.sernn.task.PoissonEncoder;

/** The crossbar's DAC, ADC and output noise (aihwkit IOParameters; docs/hardware.md). */
class CrossbarPeripheryTest {
    /** aihwkit's defaults: ADC step = 2 x 12 / (2^9 - 2) = 24 / 510. */
    private static final double ADC_STEP = 24.0 / 510;

    @Test
    void adcRoundsToTheNearestOfItsStepsTiesToEven() {
        UniformQuantiser adc = new UniformQuantiser(9, 12.0);
        assertEquals(ADC_STEP, adc.step(), 1e-15);
        // 1.0 / (24/510) = 21.25 -> 21 steps
        assertEquals(21 * ADC_STEP, adc.quantise(1.0), 1e-12);
        assertEquals(-21 * ADC_STEP, adc.quantise(-1.0), 1e-12);
        assertEquals(0.0, adc.quantise(0.5 * ADC_STEP), 0.0);
        assertEquals(2 * ADC_STEP, adc.quantise(1.5 * ADC_STEP), 1e-15);
        assertEquals(5 * ADC_STEP, adc.quantise(5 * ADC_STEP), 1e-15);
    }

    @Test
    void adcSaturatesAtItsBound() {
        UniformQuantiser adc = new UniformQuantiser(9, 12.0);
        assertEquals(12.0, adc.quantise(12.01), 0.0);
        assertEquals(12.0, adc.quantise(1e6), 0.0);
        assertEquals(-12.0, adc.quantise(-40), 0.0);
        // the top level is exactly the bound: 255 steps of 24 / 510
        assertEquals(12.0, 255 * ADC_STEP, 1e-12);
        assertEquals(12.0, adc.quantise(11.99), 1e-12);
    }

    @Test
    void bitsGiveTwoToTheBitsMinusOneOutputLevels() {
        for (int bits = 2; bits <= 8; bits++) {
            UniformQuantiser quantiser = new UniformQuantiser(bits, 3.0);
            TreeSet<Double> levels = new TreeSet<>();
            for (int i = -5000; i <= 5000; i++) {
                levels.add(quantiser.quantise(i * 0.001) + 0.0); // + 0.0 merges -0.0 into 0.0
            }
            assertEquals((1 << bits) - 1, levels.size(), "bits " + bits);
            assertEquals(-3.0, levels.first(), 1e-12);
            assertEquals(3.0, levels.last(), 1e-12);
        }
    }

    @Test
    void sevenBitDacHasSixtyThreeLevelsEachSide() {
        UniformQuantiser dac = new UniformQuantiser(7, 1.0);
        assertEquals(1.0 / 63, dac.step(), 1e-15);
        assertEquals(-22.0 / 63, dac.quantise(-0.35), 1e-15);
    }

    @Test
    void tileReadsThroughDacAndAdcAsComputedByHand() {
        // W = [[0.5, -1], [0.25, 0.75]], full scale 1; x = (2, -0.7): s = 2, x / s = (1, -0.35)
        // DAC 7 bits: -0.35 -> -22/63. Row 0: 0.5 + 22/63 = 0.849206 = 18.05 ADC steps -> 18;
        // row 1: 0.25 - 0.75 * 22/63 = -0.011905 = -0.253 steps -> 0. Then times w_fs s = 2.
        AnalogTile tile = new AnalogTile(new double[] {0.5, -1, 0.25, 0.75}, 2, 2, 1.0,
                new Periphery(7, 9, 12.0, 0.0));
        double[] y = new double[2];
        tile.multiply(new double[] {2, -0.7}, 0, y, 0, new SplittableRandom(1));
        assertArrayEquals(new double[] {2 * 18 * ADC_STEP, 0.0}, y, 1e-12);
    }

    @Test
    void tileOutputSaturatesAtTheBoundInFullScaleUnits() {
        // 20 inputs of 1 on weights at full scale 0.5: y' = 20 > bound 12, so y = 12 x 0.5 x 1
        double[] w = new double[20];
        java.util.Arrays.fill(w, 0.5);
        double[] x = new double[20];
        java.util.Arrays.fill(x, 1.0);
        AnalogTile tile = new AnalogTile(w, 1, 20, 0.5, new Periphery(null, 9, 12.0, 0.0));
        double[] y = new double[1];
        tile.multiply(x, 0, y, 0, new SplittableRandom(1));
        assertEquals(6.0, y[0], 0.0);
    }

    @Test
    void outputNoiseIsGaussianWithSigmaInFullScaleUnits() {
        // no converters: y = W x + 0.06 w_fs s N(0, 1); w_fs = 2, s = 3, so sigma = 0.36
        AnalogTile tile = new AnalogTile(new double[] {2.0, -1.0}, 1, 2, 2.0, new Periphery(null, null, null, 0.06));
        double[] x = {3.0, 1.5};
        double ideal = 2.0 * 3.0 - 1.0 * 1.5;
        int draws = 40_000;
        SplittableRandom random = new SplittableRandom(7);
        double[] y = new double[1];
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            tile.multiply(x, 0, y, 0, random);
            double e = y[0] - ideal;
            sum += e;
            squares += e * e;
        }
        double sigma = 0.06 * 2.0 * 3.0;
        double mean = sum / draws;
        double std = Math.sqrt((squares - draws * mean * mean) / (draws - 1));
        assertEquals(0.0, mean, 4 * sigma / Math.sqrt(draws));
        assertEquals(sigma, std, sigma * 0.02);
    }

    @Test
    void zeroInputReadsExactlyZeroDespiteNoise() {
        AnalogTile tile = new AnalogTile(new double[] {1.0, 1.0}, 1, 2, 1.0, new Periphery(7, 9, 12.0, 0.5));
        double[] y = {42};
        tile.multiply(new double[] {0, 0}, 0, y, 0, new SplittableRandom(1));
        assertEquals(0.0, y[0], 0.0);
    }

    @Test
    void idealPeripheryRunsAsTheDenseEngine() {
        ModelConfig config = ConfigLoader.fromYaml("name: tile\nseed: 3\nsizes: {inputs: 10, recurrent: 30, outputs: 2}\n"
                + "space: {layout: box}\nneuron: {type: alif, alif_fraction: 0.5, beta: 0.07, tau_a_ms: 200, n_ref: 2,"
                + " tau_out_ms: 20}\nweights:\n  w_in: {init: gaussian, gain: 2.0}\n  w_rec: {init: gaussian, gain: 1.0}\n",
                "tile");
        Network network = NetworkFactory.build(config, Path.of("."));
        InputBatch input = PoissonEncoder.background(3, 200, 10, 50.0, 1.0, new SplittableRandom(4));
        Recording dense = new DenseSimulator().run(network, input, RecordOptions.SPIKES_ONLY);
        double[] scales = {maxAbs(network.wIn().toArray()), maxAbs(network.wRec().toArray()),
            maxAbs(network.wOut().toArray())};
        Recording crossbar = new CrossbarSimulator(new Periphery(null, null, null, 0.0), scales, 1)
                .run(network, input, RecordOptions.SPIKES_ONLY);
        assertEquals(dense.spikes(), crossbar.spikes());
        assertArrayEquals(dense.readout(), crossbar.readout(), 1e-9);
        assertEquals(true, dense.spikes().count() > 100, "the network is active");
    }

    @Test
    void adcWithoutItsRangeIsRefused() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: crossbar\n"
                + "crossbar: {device: aihwkit, g_max_micro_siemens: 25, g_min_micro_siemens: 0, drift_t0_seconds: 20,"
                + " read_time_seconds: 2.5e-7, periphery: {adc_bits: 9}}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'crossbar.periphery.adc_bits': value 9 is not allowed; must be given with "
                + "crossbar.periphery.adc_bound, the ADC's range (aihwkit out_bound 12)", e.getMessage());
    }

    @Test
    void negativeOutputNoiseIsRefused() {
        UserError e = assertThrows(UserError.class, () -> HardwareProfiles.fromYaml("name: x\nkind: crossbar\n"
                + "crossbar: {device: aihwkit, g_max_micro_siemens: 25, g_min_micro_siemens: 0, drift_t0_seconds: 20,"
                + " read_time_seconds: 2.5e-7, periphery: {output_noise: -0.1}}\n", "bad.yaml"));
        assertEquals("bad.yaml: key 'crossbar.periphery.output_noise': value -0.1 is not allowed; must be in [0.0, 10.0]",
                e.getMessage());
    }

    @Test
    void shippedAihwkitProfileHasAihwkitsDefaults() {
        Periphery p = HardwareProfiles.load(Path.of("hardware-profiles/pcm-aihwkit.yaml")).crossbar().periphery();
        assertEquals(new Periphery(7, 9, 12.0, 0.06), p);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
