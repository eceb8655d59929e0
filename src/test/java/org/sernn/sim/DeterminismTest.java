package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.model.ConfigLoader;
import org.sernn.model.ModelConfig;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.task.DefaultDrive;

/** The same config and seed give bit-identical output, run after run, on both engines. */
class DeterminismTest {
    private static Recording run(Simulator simulator, long seed) {
        ModelConfig config = ConfigLoader.fromYaml("seed: " + seed + "\nneuron: {alif_fraction: 0.5}\n"
                + "weights: {w_in: {gain: 3}, w_rec: {init: gaussian, connection_prob: 0.2}}\n"
                + "input: {background: {rate_hz: 20, duration_ms: 500}}\n", "inline");
        Network network = NetworkFactory.build(config, Path.of("."));
        InputBatch input = DefaultDrive.input(config, 3, new SplittableRandom(config.seed()));
        return simulator.run(network, input, RecordOptions.WITH_STATES);
    }

    @Test
    void sameSeedGivesBitIdenticalRecordings() {
        for (Simulator simulator : new Simulator[] {new EventSimulator(), new DenseSimulator()}) {
            Recording first = run(simulator, 42);
            Recording second = run(simulator, 42);
            assertEquals(first.spikes(), second.spikes());
            assertArrayEquals(first.voltage(), second.voltage());
            assertArrayEquals(first.readout(), second.readout());
            assertEquals(first.counts(), second.counts());
            assertNotEquals(first.spikes(), run(simulator, 43).spikes(), "another seed changes the run");
        }
    }
}
