package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sernn.model.LearnableTimeConstant;
import org.sernn.model.NeuronParams;
import org.sernn.neuron.NeuronModels;
import org.sernn.neuron.TrainableParameter;
import org.sernn.train.SpikingBpttRtrlTest.Problem;

/**
 * The BPTT gradient of the loss by each unit's learnt tau_m and tau_a against forward-mode
 * differentiation (RTRL, {@link AlifRtrl}) written from the equations: v_t = alpha v_{t-1} + I_t -
 * v_th z_{t-1}, a_t = rho a_{t-1} + z_{t-1}, alpha = exp(-dt / tau_m), rho = exp(-dt / tau_a), so
 * dv_t/dtau_m = alpha dv_{t-1}/dtau_m + v_{t-1} alpha dt / tau_m^2 + (through I and the reset), and
 * likewise for a. Two independent computations; in double they agree to 1e-9 relative.
 */
class AlifTimeConstantGradientTest {

    @ParameterizedTest(name = "seed {0}, n_ref {1}, learn {2}, detach reset {3}")
    @CsvSource({
        "1, 0, tau_m tau_a, false",
        "2, 2, tau_m tau_a, true",
        "4, 1, tau_a, false",
        "5, 0, tau_m, false",
    })
    void bpttEqualsForwardModeDifferentiationForTimeConstants(long seed, int nRef, String learn, boolean detach) {
        Problem base = SpikingBpttRtrlTest.problem(seed, nRef, 20);
        EnumSet<LearnableTimeConstant> learnt = EnumSet.noneOf(LearnableTimeConstant.class);
        for (String name : learn.split(" ")) {
            learnt.add(LearnableTimeConstant.ofConfigName(name).orElseThrow());
        }
        NeuronParams neurons = base.neurons().toBuilder().learnedTimeConstants(learnt).build();
        Surrogate surrogate = new Surrogate.Triangle(0.3);
        int n = neurons.size();
        double[] all = AlifRtrl.gradient(base, surrogate, detach, new double[1]);
        double[][] expected = { // dL/dtau_m and dL/dtau_a of every unit: the oracle's last 2 n entries
            Arrays.copyOfRange(all, all.length - 2 * n, all.length - n),
            Arrays.copyOfRange(all, all.length - n, all.length),
        };
        double[] values = NeuronModels.spiking(neurons).trainableValues();
        assertEquals(learnt.size() * n, values.length);
        Params p = base.params();
        Params withTaus = new Params(p.nIn, p.nRec, p.nOut, values.length);
        double[][] from = p.arrays();
        double[][] to = withTaus.arrays();
        for (int k = 0; k < from.length; k++) {
            System.arraycopy(from[k], 0, to[k], 0, from[k].length);
        }
        System.arraycopy(values, 0, withTaus.neuron, 0, values.length);
        SpikingBptt[] rules = {
            new SpikingBptt(neurons, surrogate, detach, 0.0, 10.0),
            new SpikingBptt(neurons, surrogate, detach, false, 0.0, 10.0, 1, 0.0),
        };
        List<TrainableParameter> keys = NeuronModels.spiking(neurons).gradients(1.0).trainableParameters();
        for (SpikingBptt rule : rules) {
            double[] actual = rule.run(withTaus, base.input(), base.labels(), base.mask()).gradients().neuron;
            int k = 0;
            for (LearnableTimeConstant constant : learnt) {
                assertEquals(constant.key(), keys.get(k).key());
                double[] want = expected[constant.ordinal()];
                double scale = Arrays.stream(want).map(Math::abs).max().orElseThrow();
                assertTrue(scale > 1e-6, constant + ": gradient is not trivially zero");
                for (int j = 0; j < n; j++) {
                    assertEquals(want[j], actual[k * n + j], 1e-9 * scale, constant.key() + " of unit " + j);
                }
                k++;
            }
        }
    }
}
