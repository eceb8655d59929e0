package org.sernn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sernn.linalg.DenseMatrix;
import org.sernn.model.ConfigLoader;
import org.sernn.model.Network;
import org.sernn.model.NetworkFactory;
import org.sernn.model.NeuronParams;
import org.sernn.task.PoissonEncoder;

/**
 * {@link org.sernn.neuron.alif.AlifDynamics} reads scalars when every unit shares alpha and rho (or v_th, beta and
 * n_ref), per-unit arrays otherwise. Giving one disconnected unit different parameters forces the
 * per-unit loops while leaving every other unit's equations unchanged, so the other units must
 * follow the same trajectory bit for bit.
 */
class UniformParametersTest {
    @ParameterizedTest
    @ValueSource(strings = {"tau_m", "v_th", "n_ref", "beta"})
    void perUnitLoopsMatchTheUniformOnes(String parameter) {
        int n = 300;
        String yaml = "name: uniform\nseed: 5\nsizes: {inputs: 20, recurrent: " + n + ", outputs: 2}\n"
                + "space: {layout: box}\n"
                + "neuron: {type: alif, alif_fraction: 1.0, beta: 0.07, tau_a_ms: 200, n_ref: 2}\n"
                + "weights:\n  w_in: {init: gaussian, gain: 1.5, connection_prob: 0.5}\n"
                + "  w_rec: {init: gaussian, gain: 0.8, connection_prob: 0.1}\n";
        Network uniform = isolateUnitZero(NetworkFactory.build(ConfigLoader.fromYaml(yaml, "uniform"), Path.of(".")));
        NeuronParams p = uniform.neurons();
        double[] tauM = p.tauMMs();
        double[] vTh = p.vTh();
        int[] nRef = p.nRef();
        double[] beta = p.beta();
        switch (parameter) {
            case "tau_m" -> tauM[0] *= 2;
            case "v_th" -> vTh[0] += 0.1;
            case "n_ref" -> nRef[0] += 1;
            default -> beta[0] *= 3;
        }
        NeuronParams varied = p.toBuilder().tauMMs(tauM).beta(beta).vTh(vTh).nRef(nRef).build();
        Network mixed = new Network(uniform.config(), uniform.positions(), varied, uniform.wIn(), uniform.wRec(),
                uniform.wOut(), uniform.bRec(), uniform.bOut());
        InputBatch input = PoissonEncoder.background(1, 200, 20, 40.0, 1.0, new SplittableRandom(9));

        Recording a = new EventSimulator().run(uniform, input, RecordOptions.WITH_STATES);
        Recording b = new EventSimulator().run(mixed, input, RecordOptions.WITH_STATES);
        assertTrue(a.counts().spikes() > n * 200 / 100, "active enough: " + a.counts().spikes());
        for (int k = 0; k < a.voltage().length; k++) {
            if (k % n != 0) {
                assertEquals(a.voltage()[k], b.voltage()[k], 0.0, "v at step " + k / n + ", unit " + k % n);
                assertEquals(a.threshold()[k], b.threshold()[k], 0.0, "A at step " + k / n + ", unit " + k % n);
            }
        }
    }

    /** The same network with unit 0 cut off from input, recurrence and readout. */
    private static Network isolateUnitZero(Network network) {
        int n = network.nRec();
        double[] wIn = network.wIn().toArray();
        double[] wRec = network.wRec().toArray();
        double[] wOut = network.wOut().toArray();
        for (int i = 0; i < network.nIn(); i++) {
            wIn[i] = 0.0;
        }
        for (int j = 0; j < n; j++) {
            wRec[j] = 0.0;
            wRec[j * n] = 0.0;
        }
        for (int o = 0; o < network.nOut(); o++) {
            wOut[o * n] = 0.0;
        }
        return new Network(network.config(), network.positions(), network.neurons(),
                DenseMatrix.of(n, network.nIn(), wIn), DenseMatrix.of(n, n, wRec),
                DenseMatrix.of(network.nOut(), n, wOut), network.bRec(), network.bOut());
    }
}
