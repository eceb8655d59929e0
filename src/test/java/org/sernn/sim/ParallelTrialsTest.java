package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.task.DefaultDrive;

/**
 * Trials spread over a pool of threads give the serial run's recording bit for bit: spikes, states,
 * readout and counts, on both engines, for spiking and rate networks, with pools of 1 and 3 threads
 * (3 does not divide the 7 trials, so the parts differ in size).
 */
class ParallelTrialsTest {
    private static final int TRIALS = 7;

    private static Network spikingNetwork() {
        ModelConfig config = ConfigLoader.fromYaml("seed: 5\nneuron: {alif_fraction: 0.5}\n"
                + "weights: {w_in: {gain: 3}, w_rec: {init: gaussian, connection_prob: 0.2}}\n"
                + "input: {background: {rate_hz: 20, duration_ms: 200}}\n", "inline");
        return NetworkFactory.build(config, Path.of("."));
    }

    private static void assertSameRecording(Recording serial, Recording parallel) {
        assertEquals(serial.trials(), parallel.trials());
        assertEquals(serial.spikes(), parallel.spikes());
        assertArrayEquals(serial.spikes().trialStart(), parallel.spikes().trialStart());
        assertArrayEquals(serial.readout(), parallel.readout());
        assertArrayEquals(serial.voltage(), parallel.voltage());
        assertArrayEquals(serial.threshold(), parallel.threshold());
        assertArrayEquals(serial.activation(), parallel.activation());
        assertEquals(serial.counts(), parallel.counts());
    }

    @Test
    void spikingTrialsOnThreadsEqualTheSerialRunOnBothEngines() {
        Network network = spikingNetwork();
        InputBatch input = DefaultDrive.input(network.config(), TRIALS, new SplittableRandom(11));
        Recording reference = new EventSimulator().run(network, input, RecordOptions.WITH_STATES);
        assertTrue(reference.counts().spikes() > 0, "the network must spike for the comparison to mean anything");
        for (int threads : new int[] {1, 3}) {
            assertSameRecording(reference, new EventSimulator(threads).run(network, input, RecordOptions.WITH_STATES));
            Recording dense = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
            assertSameRecording(dense, new DenseSimulator(threads).run(network, input, RecordOptions.WITH_STATES));
        }
    }

    @Test
    void moreEventPartsThanThreadsOfUnequalSizesJoinToTheSerialRun() {
        Network network = spikingNetwork();
        int trials = 37; // 2 threads take 16 parts of 2 or 3 trials, in whatever order they finish
        InputBatch input = DefaultDrive.input(network.config(), trials, new SplittableRandom(12));
        Recording serial = new EventSimulator().run(network, input, RecordOptions.WITH_STATES);
        assertTrue(serial.counts().spikes() > 0, "the network must spike for the comparison to mean anything");
        assertSameRecording(serial, new EventSimulator(2).run(network, input, RecordOptions.WITH_STATES));
    }

    @Test
    void rateTrialsOnThreadsEqualTheSerialRun() {
        Network network = ModelSource.load(Path.of("models/rate-sernn.yaml"));
        SplittableRandom random = new SplittableRandom(3);
        int steps = 15;
        double[] values = new double[TRIALS * steps * network.nIn()];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble() - 0.5;
        }
        InputBatch input = new InputBatch(TRIALS, steps, network.nIn(), values);
        Recording serial = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        assertNotNull(serial.activation());
        for (int threads : new int[] {1, 3}) {
            assertSameRecording(serial, new DenseSimulator(threads).run(network, input, RecordOptions.WITH_STATES));
        }
    }

    @Test
    void partsAreContiguousCoverEveryTrialAndDifferByAtMostOne() {
        for (int parts = 1; parts <= 5; parts++) {
            assertEquals(0, TrialParts.first(0, parts, 13));
            assertEquals(13, TrialParts.first(parts, parts, 13));
            for (int k = 0; k < parts; k++) {
                int size = TrialParts.first(k + 1, parts, 13) - TrialParts.first(k, parts, 13);
                assertTrue(size == 13 / parts || size == 13 / parts + 1, "part " + k + " of " + parts + ": " + size);
            }
        }
    }
}
