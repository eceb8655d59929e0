package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ModelSource;
import org.sernn.model.Network;

/**
 * A rate network's recorded states are its activations h_t = f(b + W_in x_t + W_rec h_{t-1}), under
 * their own name: no membrane voltage or threshold is claimed for units that have none.
 */
class RateRecordingTest {

    @Test
    void rateRunsRecordActivationsNotVoltages() {
        Network network = ModelSource.load(Path.of("models/rate-sernn.yaml"));
        int n = network.nRec();
        int nIn = network.nIn();
        int steps = 12;
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[2 * steps * nIn];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble() - 0.5;
        }
        InputBatch input = new InputBatch(2, steps, nIn, values);

        Recording recording = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);

        assertNull(recording.voltage(), "rate units have no membrane voltage");
        assertNull(recording.threshold(), "rate units have no threshold");
        assertNotNull(recording.activation());
        DenseMatrix wIn = network.wIn();
        DenseMatrix wRec = network.wRec();
        double[] bRec = network.bRec();
        for (int trial = 0; trial < 2; trial++) {
            double[] h = new double[n];
            for (int t = 0; t < steps; t++) {
                double[] next = new double[n];
                for (int j = 0; j < n; j++) {
                    double u = bRec[j];
                    for (int i = 0; i < nIn; i++) {
                        u += wIn.get(j, i) * input.value(trial, t, i);
                    }
                    for (int i = 0; i < n; i++) {
                        u += wRec.get(j, i) * h[i];
                    }
                    next[j] = network.neurons().activation().apply(u);
                    double got = recording.activation()[(trial * steps + t) * n + j];
                    assertEquals(next[j], got, 1e-12 * (1 + Math.abs(next[j])), "h at trial " + trial + ", step " + t);
                }
                h = next;
            }
        }
    }

    @Test
    void spikingRunsRecordVoltagesNotActivations() {
        Network network = ModelSource.load(Path.of("models/alif-sernn.yaml"));
        InputBatch input = new InputBatch(1, 5, network.nIn(), new double[5 * network.nIn()]);
        Recording recording = new DenseSimulator().run(network, input, RecordOptions.WITH_STATES);
        assertNull(recording.activation());
        assertEquals(5 * network.nRec(), recording.voltage().length);
        assertEquals(5 * network.nRec(), recording.threshold().length);
    }
}
