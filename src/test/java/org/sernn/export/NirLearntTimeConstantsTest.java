package org.sernn.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sernn.model.Network;
import org.sernn.train.Params;

/** Learnt per-unit time constants leave through NIR unit by unit: tau (tau_m) and adaptation_tau (tau_a). */
class NirLearntTimeConstantsTest {
    @TempDir
    Path dir;

    @Test
    void learntTimeConstantsComeBackPerUnit() {
        Network built = NirRoundTripTest.network("{type: alif, beta: 0.2, tau_a_ms: 200, learn: [tau_m, tau_a]}");
        Params params = Params.of(built);
        int n = built.nRec();
        for (int j = 0; j < n; j++) {
            params.neuron[j] = 4.0 + 1.7 * j;        // learnt tau_m, all different
            params.neuron[n + j] = 120.0 + 13.0 * j; // learnt tau_a
        }
        Network learnt = NirRoundTripTest.float32Weights(params.toNetwork(built));
        Path file = dir.resolve("learnt.nir");
        NirFile.write(file, NirExporter.toGraph(learnt).graph());
        Network back = NirImporter.read(file, null).network();
        assertArrayEquals(learnt.neurons().alpha(), back.neurons().alpha(), 1e-15);
        assertArrayEquals(learnt.neurons().rho(), back.neurons().rho(), 1e-15);
        assertArrayEquals(learnt.neurons().tauMMs(), back.neurons().tauMMs(), 1e-9);
        assertArrayEquals(learnt.neurons().tauAMs(), back.neurons().tauAMs(), 1e-9);
    }
}
