package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.task.PoissonEncoder;

/**
 * The event and dense engines must produce identical spike rasters. They share the unit update
 * ({@link org.sernn.neuron.alif.AlifDynamics}) and differ in how synaptic input is summed: a CSR scatter in spike order
 * against an OpenBLAS GEMM with its own blocking. In double precision the two sums of k terms
 * differ by at most about k * 2^-53 * sum |terms| (Higham, Accuracy and Stability, eq. 3.5); with
 * k <= 1,100 terms of |w| <= 10 that is below 1e-9. So a spike may only differ between engines where
 * the membrane was within {@link #FLIP_TOLERANCE} of threshold; the test checks exactly that at the
 * first difference, and asserts that no network here needed it more than rarely.
 */
class EngineEquivalenceTest {
    static final double FLIP_TOLERANCE = 1e-9;
    private static final int RANDOM_NETWORKS = 52;
    /** Networks whose rasters differed (at threshold); a handful at most would still be plausible. */
    private static final AtomicInteger FLIPPED_NETWORKS = new AtomicInteger();

    @AfterAll
    static void flipsAreRare() {
        assertTrue(FLIPPED_NETWORKS.get() <= 2, FLIPPED_NETWORKS.get() + " networks had a spike flip at threshold");
    }

    static Stream<Arguments> randomNetworks() {
        SplittableRandom random = new SplittableRandom(2026);
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {10, 25, 50, 100, 200, 400, 700, 1000};
        for (int i = 0; i < RANDOM_NETWORKS; i++) {
            int n = sizes[i % sizes.length];
            boolean sparse = (i / sizes.length) % 2 == 0;
            boolean adaptive = i % 3 != 0;
            double connectionProb = sparse ? Math.max(0.02, Math.min(0.3, 10.0 / n)) : 1.0;
            String yaml = "name: random-" + i + "\nseed: " + random.nextInt(1_000_000) + "\n"
                    + "sizes: {inputs: 20, recurrent: " + n + ", outputs: 3}\n"
                    + "space: {layout: box}\n"
                    + "neuron: {type: " + (adaptive ? "alif" : "lif") + ", alif_fraction: " + (adaptive ? 0.5 : 0.0)
                    + ", beta: 0.07, tau_a_ms: 200, n_ref: " + (i % 4) + ", tau_out_ms: 20"
                    + (i % 5 == 0 ? ", tau_m_distribution: {shape: 3}" : "") + "}\n"
                    + "weights:\n"
                    + "  w_in: {init: gaussian, gain: 1.5, connection_prob: 0.5}\n"
                    + "  w_rec: {init: gaussian, gain: 0.8, connection_prob: " + connectionProb + "}\n"
                    + (i % 7 == 0 ? "  dale: {excitatory_fraction: 0.8}\n" : "");
            cases.add(Arguments.of(i, n, yaml));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "network {0}: n = {1}")
    @MethodSource("randomNetworks")
    void randomNetworksGiveIdenticalRasters(int index, int n, String yaml) {
        ModelConfig config = ConfigLoader.fromYaml(yaml, "random-" + index);
        Network network = NetworkFactory.build(config, Path.of("."));
        int steps = n >= 700 ? 150 : 300;
        InputBatch input = PoissonEncoder.background(2, steps, 20, 40.0, 1.0, new SplittableRandom(index));
        assertEquivalent(network, input);
    }

    @Test
    void everyShippedModelGivesIdenticalRasters() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("models"))) {
            models = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(models.size() >= 1, "models/ holds configs");
        List<String> tested = new ArrayList<>();
        for (Path file : models) {
            ModelConfig config = ConfigLoader.load(file);
            if (!config.neuron().type().isSpiking()) {
                continue;
            }
            tested.add(file.getFileName().toString());
            Network network = NetworkFactory.build(config, file.getParent());
            ModelConfig.Background drive = config.input().background();
            int steps = (int) Math.round(drive.durationMs() / config.neuron().dtMs());
            InputBatch input = PoissonEncoder.background(2, steps, network.nIn(), drive.rateHz(),
                    config.neuron().dtMs(), new SplittableRandom(config.seed()));
            assertEquivalent(network, input);
        }
        // alif-l1, alif-sernn, alif-spatial and eprop-evidence are spiking: a test of none would pass
        assertTrue(tested.size() >= 4 && tested.contains("alif-sernn.yaml"), "spiking models tested: " + tested);
    }

    static void assertEquivalent(Network network, InputBatch input) {
        Recording event = new EventSimulator().run(network, input, RecordOptions.WITH_STATES);
        Recording dense = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        long minimumSpikes = (long) network.nRec() * input.steps() * input.trials() / 1000;
        assertTrue(event.counts().spikes() > minimumSpikes, "network too quiet to test anything: "
                + event.counts().spikes() + " spikes");
        if (!event.spikes().equals(dense.spikes())) {
            FLIPPED_NETWORKS.incrementAndGet();
            assertFirstDifferenceIsAtThreshold(event, dense);
            return;
        }
        assertEquals(event.counts(), dense.counts(), "operation counts");
        assertArrayEquals(event.readout(), dense.readout(), 1e-9, "readout");
        assertArrayEquals(event.voltage(), dense.voltage(), 1e-9, "membrane voltage");
    }

    /** Where rasters differ, the first differing (trial, step, unit) must sit on the threshold. */
    private static void assertFirstDifferenceIsAtThreshold(Recording event, Recording dense) {
        int n = event.nRec();
        for (int trial = 0; trial < event.trials(); trial++) {
            for (int t = 0; t < event.steps(); t++) {
                for (int unit = 0; unit < n; unit++) {
                    int idx = (trial * event.steps() + t) * n + unit;
                    boolean eventSpiked = spiked(event, trial, t, unit);
                    if (eventSpiked != spiked(dense, trial, t, unit)) {
                        double margin = Math.abs(event.voltage()[idx] - event.threshold()[idx]);
                        assertTrue(margin < FLIP_TOLERANCE, "spike differs at trial " + trial + ", step " + t
                                + ", unit " + unit + " with |v - A| = " + margin);
                        return;
                    }
                }
            }
        }
    }

    private static boolean spiked(Recording recording, int trial, int step, int unit) {
        SpikeRaster raster = recording.spikes();
        for (int k = raster.trialStart()[trial]; k < raster.trialStart()[trial + 1]; k++) {
            if (raster.step()[k] == step && raster.unit()[k] == unit) {
                return true;
            }
        }
        return false;
    }
}
