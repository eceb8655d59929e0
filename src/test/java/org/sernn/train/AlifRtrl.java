package org.sernn.train;

import java.util.Arrays;
import org.sernn.model.NeuronParams;
import org.sernn.train.SpikingBpttRtrlTest.Problem;

/**
 * Forward-mode differentiation (real-time recurrent learning) of the ALIF surrogate-gradient model,
 * written from the equations alone as the test oracle of the BPTT gradients: every state carries its
 * derivative with respect to every parameter forward in time.
 * <pre>
 *   I_t = b_rec + W_in x_t + W_rec z_{t-1}
 *   v_t = alpha v_{t-1} + I_t - v_th z_{t-1},   a_t = rho a_{t-1} + z_{t-1}
 *   z_t = H(v_t - v_th - beta a_t) outside the refractory period, dz/dv by the surrogate
 *   alpha = exp(-dt / tau_m), rho = exp(-dt / tau_a), so dalpha/dtau_m = alpha dt / tau_m^2 (and likewise rho)
 *   y_t = kappa y_{t-1} + b_out + W_out z_t, loss sum_t mask_t CE(softmax(y_t), label) / B
 * </pre>
 */
final class AlifRtrl {
    private AlifRtrl() {
    }

    /**
     * dL/d(every parameter): the weights and biases in {@link Params#arrays()} order, then dL/dtau_m and
     * dL/dtau_a of every unit; adds the forward pass's spike count to {@code spikesOut[0]}.
     */
    static double[] gradient(Problem pr, Surrogate surrogate, boolean detachReset, double[] spikesOut) {
        Params p = pr.params();
        NeuronParams neurons = pr.neurons();
        int n = p.nRec;
        int nIn = p.nIn;
        int nOut = p.nOut;
        int offIn = 0;
        int offRec = p.wIn.length;
        int offOut = offRec + p.wRec.length;
        int offBRec = offOut + p.wOut.length;
        int offBOut = offBRec + p.bRec.length;
        int offTauM = offBOut + p.bOut.length;
        int offTauA = offTauM + n;
        int q2 = offTauA + n;
        double dt = neurons.dtMs();
        double[] alpha = neurons.alpha();
        double[] rho = neurons.rho();
        double[] tauM = neurons.tauMMs();
        double[] tauA = neurons.tauAMs();
        double[] beta = neurons.beta();
        double[] vTh = neurons.vTh();
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
                    dCurrent[offBRec + j] = 1;
                    for (int k = 0; k < nIn; k++) {
                        double xk = pr.input().value(b, t, k);
                        current += p.wIn[j * nIn + k] * xk;
                        dCurrent[offIn + j * nIn + k] += xk;
                    }
                    for (int i = 0; i < n; i++) {
                        current += p.wRec[j * n + i] * z[i];
                        dCurrent[offRec + j * n + i] += z[i];
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
                    dv[j][offTauM + j] += vPrev * alpha[j] * dt / (tauM[j] * tauM[j]);
                    da[j][offTauA + j] += aPrev * rho[j] * dt / (tauA[j] * tauA[j]);
                    double threshold = vTh[j] + beta[j] * a[j];
                    boolean blocked = refractory[j] > 0;
                    if (blocked) {
                        refractory[j]--;
                    }
                    zNew[j] = !blocked && v[j] > threshold ? 1.0 : 0.0;
                    if (zNew[j] == 1.0) {
                        refractory[j] = neurons.nRef()[j];
                    }
                    double psi = blocked ? 0.0 : surrogate.derivative((v[j] - threshold) / vTh[j], vTh[j]);
                    for (int q = 0; q < q2; q++) {
                        dzNew[j][q] = psi * (dv[j][q] - beta[j] * da[j][q]);
                    }
                }
                z = zNew;
                dz = dzNew;
                for (int j = 0; j < n; j++) {
                    spikesOut[0] += z[j];
                }
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + p.bOut[o];
                    for (int q = 0; q < q2; q++) {
                        dy[o][q] *= kappa;
                    }
                    dy[o][offBOut + o] += 1;
                    for (int j = 0; j < n; j++) {
                        y[o] += p.wOut[o * n + j] * z[j];
                        dy[o][offOut + o * n + j] += z[j];
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
        return grad;
    }
}
