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
 * differentiation (RTRL) written here from the equations: v_t = alpha v_{t-1} + I_t - v_th z_{t-1},
 * a_t = rho a_{t-1} + z_{t-1}, alpha = exp(-dt / tau_m), rho = exp(-dt / tau_a), so
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
        double[][] expected = rtrl(base, surrogate, detach);
        int n = neurons.size();
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

    /** dL/dtau_m (row 0) and dL/dtau_a (row 1) of every unit by forward-mode sensitivities. */
    private static double[][] rtrl(Problem pr, Surrogate surrogate, boolean detachReset) {
        Params p = pr.params();
        NeuronParams neurons = pr.neurons();
        int n = neurons.size();
        int nIn = p.nIn;
        int nOut = p.nOut;
        int q2 = 2 * n;
        double dt = neurons.dtMs();
        double[] alpha = neurons.alpha();
        double[] rho = neurons.rho();
        double[] tauM = neurons.tauMMs();
        double[] tauA = neurons.tauAMs();
        double[] beta = neurons.beta();
        double[] vTh = neurons.vTh();
        int[] nRef = neurons.nRef();
        double kappa = neurons.kappa();
        int batch = pr.input().trials();
        int steps = pr.input().steps();
        double[] grad = new double[q2];
        for (int b = 0; b < batch; b++) {
            double[] v = new double[n];
            double[] a = new double[n];
            double[] z = new double[n];
            double[] y = new double[nOut];
            int[] refractory = new int[n];
            double[][] dv = new double[n][q2];
            double[][] da = new double[n][q2];
            double[][] dz = new double[n][q2];
            double[][] dy = new double[nOut][q2];
            for (int t = 0; t < steps; t++) {
                double[] zNew = new double[n];
                double[][] dzNew = new double[n][q2];
                for (int j = 0; j < n; j++) {
                    double current = p.bRec[j];
                    double[] dCurrent = new double[q2];
                    for (int k = 0; k < nIn; k++) {
                        current += p.wIn[j * nIn + k] * pr.input().value(b, t, k);
                    }
                    for (int i = 0; i < n; i++) {
                        current += p.wRec[j * n + i] * z[i];
                        for (int q = 0; q < q2; q++) {
                            dCurrent[q] += p.wRec[j * n + i] * dz[i][q];
                        }
                    }
                    double vPrev = v[j];
                    double aPrev = a[j];
                    v[j] = alpha[j] * vPrev + current - vTh[j] * z[j];
                    a[j] = rho[j] * aPrev + z[j];
                    for (int q = 0; q < q2; q++) {
                        dv[j][q] = alpha[j] * dv[j][q] + dCurrent[q] - (detachReset ? 0 : vTh[j] * dz[j][q]);
                        da[j][q] = rho[j] * da[j][q] + dz[j][q];
                    }
                    dv[j][j] += vPrev * alpha[j] * dt / (tauM[j] * tauM[j]);
                    da[j][n + j] += aPrev * rho[j] * dt / (tauA[j] * tauA[j]);
                    double threshold = vTh[j] + beta[j] * a[j];
                    boolean blocked = refractory[j] > 0;
                    if (blocked) {
                        refractory[j]--;
                    }
                    zNew[j] = !blocked && v[j] > threshold ? 1.0 : 0.0;
                    if (zNew[j] == 1.0) {
                        refractory[j] = nRef[j];
                    }
                    double psi = blocked ? 0.0 : surrogate.derivative((v[j] - threshold) / vTh[j], vTh[j]);
                    for (int q = 0; q < q2; q++) {
                        dzNew[j][q] = psi * (dv[j][q] - beta[j] * da[j][q]);
                    }
                }
                z = zNew;
                dz = dzNew;
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + p.bOut[o];
                    for (int q = 0; q < q2; q++) {
                        dy[o][q] *= kappa;
                    }
                    for (int j = 0; j < n; j++) {
                        y[o] += p.wOut[o * n + j] * z[j];
                        for (int q = 0; q < q2; q++) {
                            dy[o][q] += p.wOut[o * n + j] * dz[j][q];
                        }
                    }
                }
                if (pr.mask()[t] != 0) {
                    double max = Arrays.stream(y).max().orElseThrow();
                    double sum = Arrays.stream(y).map(value -> Math.exp(value - max)).sum();
                    for (int o = 0; o < nOut; o++) {
                        double err = Math.exp(y[o] - max) / sum - (o == pr.labels()[b] ? 1 : 0);
                        for (int q = 0; q < q2; q++) {
                            grad[q] += pr.mask()[t] * err * dy[o][q] / batch;
                        }
                    }
                }
            }
        }
        return new double[][] {Arrays.copyOfRange(grad, 0, n), Arrays.copyOfRange(grad, n, q2)};
    }
}
