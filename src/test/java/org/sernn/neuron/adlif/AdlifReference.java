package org.sernn.neuron.adlif;

import java.util.SplittableRandom;
import org.sernn.model.NeuronParams;
import org.sernn.model.NeuronType;
import org.sernn.sim.InputBatch;
import org.sernn.train.Params;
import java.util.function.DoubleUnaryOperator;

/**
 * A plain adLIF network written from the equations alone (Bittar and Garner 2022; Baronig et al.
 * 2025), unit by unit, for tests: I_t = b_rec + W_in x_t + W_rec s_{t-1}, the adLIF units, a leaky
 * readout y_t = kappa y_{t-1} + W_out s_t + b_out, and the masked cross-entropy loss averaged over
 * the batch. Its forward-mode derivative (real-time recurrent learning) carries the sensitivity of
 * every state to every parameter forward in time: an independent computation of the BPTT gradient.
 * Parameters are flattened in the order w_in, w_rec, w_out, b_rec, b_out, alpha, beta, a, b.
 */
final class AdlifReference {
    static final double THETA = 1.0;

    final int nIn;
    final int n;
    final int nOut;
    final double[] wIn;
    final double[] wRec;
    final double[] wOut;
    final double[] bRec;
    final double[] bOut;
    final double[] alpha;
    final double[] beta;
    final double[] a;
    final double[] b;
    final double[] tauMMs;
    final double[] tauAMs;
    final double tauOutMs;
    final double kappa;
    final boolean symplectic;

    AdlifReference(int nIn, int n, int nOut, double tauOutMs, boolean symplectic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.nIn = nIn;
        this.n = n;
        this.nOut = nOut;
        this.tauOutMs = tauOutMs;
        this.kappa = Math.exp(-1.0 / tauOutMs);
        this.symplectic = symplectic;
        AdlifRanges ranges = AdlifRanges.sparch(1.0);
        // a >= 0 pulls the membrane back strongly: adLIF units need large input weights to spike.
        wIn = gaussian(random, n * nIn, 10);
        wRec = gaussian(random, n * n, 4);
        for (int j = 0; j < n; j++) {
            wRec[j * n + j] = 0.0;
        }
        wOut = gaussian(random, nOut * n, 0.7);
        bRec = gaussian(random, n, 0.5);
        for (int j = 0; j < n; j++) {
            bRec[j] += 0.5;
        }
        bOut = gaussian(random, nOut, 0.2);
        AdlifParameters p = uniform(n, ranges,
                symplectic ? AdlifDiscretisation.SYMPLECTIC_EULER : AdlifDiscretisation.BITTAR_GARNER, random);
        // Through time constants, as NeuronParams holds them: alpha = exp(-dt / tau_m).
        alpha = new double[n];
        beta = new double[n];
        tauMMs = new double[n];
        tauAMs = new double[n];
        for (int j = 0; j < n; j++) {
            tauMMs[j] = -1.0 / Math.log(p.alpha()[j]);
            tauAMs[j] = -1.0 / Math.log(p.beta()[j]);
            alpha[j] = Math.exp(-1.0 / tauMMs[j]);
            beta[j] = Math.exp(-1.0 / tauAMs[j]);
        }
        a = p.a();
        b = p.b();
    }

    /** Every parameter uniform in its range, as sparch initialises alpha, beta, a and b. */
    static AdlifParameters uniform(int n, AdlifRanges ranges, AdlifDiscretisation discretisation,
            SplittableRandom random) {
        double[] alpha = new double[n];
        double[] beta = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            alpha[j] = ranges.alphaMin() + (ranges.alphaMax() - ranges.alphaMin()) * random.nextDouble();
            beta[j] = ranges.betaMin() + (ranges.betaMax() - ranges.betaMin()) * random.nextDouble();
            a[j] = ranges.aMin() + (ranges.aMax() - ranges.aMin()) * random.nextDouble();
            b[j] = ranges.bMin() + (ranges.bMax() - ranges.bMin()) * random.nextDouble();
        }
        return new AdlifParameters(alpha, beta, a, b, discretisation, null);
    }

    private static double[] gaussian(SplittableRandom random, int size, double sd) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = sd * random.nextGaussian();
        }
        return values;
    }

    AdlifParameters parameters() {
        return new AdlifParameters(alpha, beta, a, b,
                symplectic ? AdlifDiscretisation.SYMPLECTIC_EULER : AdlifDiscretisation.BITTAR_GARNER, null);
    }

    /** The units as a population's parameters: tau_m, tau_a from alpha, beta; v_th = theta; a, b extras. */
    NeuronParams neuronParams() {
        return NeuronParams.builder(symplectic ? NeuronType.ADLIF_SYMPLECTIC : NeuronType.ADLIF, n).dtMs(1.0)
                .tauOutMs(tauOutMs).tauMMs(tauMMs).tauAMs(tauAMs).vTh(THETA)
                .extra(AdlifParameters.couplingA(), a).extra(AdlifParameters.incrementB(), b).build();
    }

    /** The weights as the learning rules hold them. */
    Params params() {
        Params p = new Params(nIn, n, nOut, 4 * n);
        double[][] neuron = {alpha, beta, a, b};
        for (int k = 0; k < 4; k++) {
            System.arraycopy(neuron[k], 0, p.neuron, k * n, n);
        }
        System.arraycopy(wIn, 0, p.wIn, 0, wIn.length);
        System.arraycopy(wRec, 0, p.wRec, 0, wRec.length);
        System.arraycopy(wOut, 0, p.wOut, 0, wOut.length);
        System.arraycopy(bRec, 0, p.bRec, 0, n);
        System.arraycopy(bOut, 0, p.bOut, 0, nOut);
        return p;
    }

    /** x[trial][t][k] as an input batch. */
    static InputBatch batch(double[][][] x) {
        int steps = x[0].length;
        int channels = x[0][0].length;
        double[] values = new double[x.length * steps * channels];
        for (int b = 0; b < x.length; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(x[b][t], 0, values, (b * steps + t) * channels, channels);
            }
        }
        return new InputBatch(x.length, steps, channels, values);
    }

    int parameterCount() {
        return wIn.length + wRec.length + wOut.length + n + nOut + 4 * n;
    }

    /** The model's unit states after each step of one trial, [t][j], and its spikes. */
    record Trajectory(double[][] u, double[][] w, double[][] s) {
    }

    /** x[t][k] of one trial through the network, unit by unit, without derivatives. */
    Trajectory run(double[][] x) {
        int steps = x.length;
        double[][] u = new double[steps][n];
        double[][] w = new double[steps][n];
        double[][] s = new double[steps][n];
        double[] uPrev = new double[n];
        double[] wPrev = new double[n];
        double[] sPrev = new double[n];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < n; j++) {
                double current = bRec[j];
                for (int k = 0; k < nIn; k++) {
                    current += wIn[j * nIn + k] * x[t][k];
                }
                for (int i = 0; i < n; i++) {
                    current += wRec[j * n + i] * sPrev[i];
                }
                if (symplectic) {
                    u[t][j] = alpha[j] * (uPrev[j] - THETA * sPrev[j]) + (1 - alpha[j]) * (current - wPrev[j]);
                    s[t][j] = u[t][j] > THETA ? 1 : 0;
                    w[t][j] = beta[j] * wPrev[j] + a[j] * (u[t][j] - THETA * s[t][j]) + b[j] * s[t][j];
                } else {
                    w[t][j] = beta[j] * wPrev[j] + a[j] * uPrev[j] + b[j] * sPrev[j];
                    u[t][j] = alpha[j] * (uPrev[j] - THETA * sPrev[j]) + (1 - alpha[j]) * (current - w[t][j]);
                    s[t][j] = u[t][j] > THETA ? 1 : 0;
                }
            }
            uPrev = u[t];
            wPrev = w[t];
            sPrev = s[t];
        }
        return new Trajectory(u, w, s);
    }

    /**
     * dL/d(every parameter) of the batch x[trial][t][k] by forward-mode sensitivities, with psi the
     * surrogate derivative of s by u - theta; {@code spikes[0]} receives the number of spikes.
     */
    double[] rtrl(double[][][] x, int[] labels, double[] mask, DoubleUnaryOperator psi, boolean detachReset,
            double[] spikes) {
        int q0In = 0;
        int q0Rec = q0In + wIn.length;
        int q0Out = q0Rec + wRec.length;
        int q0BRec = q0Out + wOut.length;
        int q0BOut = q0BRec + n;
        int q0Alpha = q0BOut + nOut;
        int q0Beta = q0Alpha + n;
        int q0A = q0Beta + n;
        int q0B = q0A + n;
        int nq = parameterCount();
        double resetTheta = detachReset ? 0 : THETA;
        double[] grad = new double[nq];
        int batch = x.length;
        for (int trial = 0; trial < batch; trial++) {
            double[] u = new double[n];
            double[] w = new double[n];
            double[] s = new double[n];
            double[] y = new double[nOut];
            double[][] du = new double[n][nq];
            double[][] dw = new double[n][nq];
            double[][] ds = new double[n][nq];
            double[][] dy = new double[nOut][nq];
            for (int t = 0; t < x[trial].length; t++) {
                double[] uNew = new double[n];
                double[] wNew = new double[n];
                double[] sNew = new double[n];
                double[][] duNew = new double[n][nq];
                double[][] dwNew = new double[n][nq];
                double[][] dsNew = new double[n][nq];
                for (int j = 0; j < n; j++) {
                    double current = bRec[j];
                    double[] dCurrent = new double[nq];
                    dCurrent[q0BRec + j] = 1;
                    for (int k = 0; k < nIn; k++) {
                        current += wIn[j * nIn + k] * x[trial][t][k];
                        dCurrent[q0In + j * nIn + k] += x[trial][t][k];
                    }
                    for (int i = 0; i < n; i++) {
                        current += wRec[j * n + i] * s[i];
                        dCurrent[q0Rec + j * n + i] += s[i];
                        for (int q = 0; q < nq; q++) {
                            dCurrent[q] += wRec[j * n + i] * ds[i][q];
                        }
                    }
                    if (symplectic) {
                        uNew[j] = alpha[j] * (u[j] - THETA * s[j]) + (1 - alpha[j]) * (current - w[j]);
                        for (int q = 0; q < nq; q++) {
                            duNew[j][q] = alpha[j] * (du[j][q] - resetTheta * ds[j][q])
                                    + (1 - alpha[j]) * (dCurrent[q] - dw[j][q]);
                        }
                        duNew[j][q0Alpha + j] += u[j] - THETA * s[j] - current + w[j];
                        sNew[j] = uNew[j] > THETA ? 1 : 0;
                        double slope = psi.applyAsDouble(uNew[j] - THETA);
                        for (int q = 0; q < nq; q++) {
                            dsNew[j][q] = slope * duNew[j][q];
                        }
                        wNew[j] = beta[j] * w[j] + a[j] * (uNew[j] - THETA * sNew[j]) + b[j] * sNew[j];
                        for (int q = 0; q < nq; q++) {
                            dwNew[j][q] = beta[j] * dw[j][q] + a[j] * (duNew[j][q] - resetTheta * dsNew[j][q])
                                    + b[j] * dsNew[j][q];
                        }
                        dwNew[j][q0Beta + j] += w[j];
                        dwNew[j][q0A + j] += uNew[j] - THETA * sNew[j];
                        dwNew[j][q0B + j] += sNew[j];
                    } else {
                        wNew[j] = beta[j] * w[j] + a[j] * u[j] + b[j] * s[j];
                        for (int q = 0; q < nq; q++) {
                            dwNew[j][q] = beta[j] * dw[j][q] + a[j] * du[j][q] + b[j] * ds[j][q];
                        }
                        dwNew[j][q0Beta + j] += w[j];
                        dwNew[j][q0A + j] += u[j];
                        dwNew[j][q0B + j] += s[j];
                        uNew[j] = alpha[j] * (u[j] - THETA * s[j]) + (1 - alpha[j]) * (current - wNew[j]);
                        for (int q = 0; q < nq; q++) {
                            duNew[j][q] = alpha[j] * (du[j][q] - resetTheta * ds[j][q])
                                    + (1 - alpha[j]) * (dCurrent[q] - dwNew[j][q]);
                        }
                        duNew[j][q0Alpha + j] += u[j] - THETA * s[j] - current + wNew[j];
                        sNew[j] = uNew[j] > THETA ? 1 : 0;
                        double slope = psi.applyAsDouble(uNew[j] - THETA);
                        for (int q = 0; q < nq; q++) {
                            dsNew[j][q] = slope * duNew[j][q];
                        }
                    }
                    spikes[0] += sNew[j];
                }
                u = uNew;
                w = wNew;
                s = sNew;
                du = duNew;
                dw = dwNew;
                ds = dsNew;
                for (int o = 0; o < nOut; o++) {
                    y[o] = kappa * y[o] + bOut[o];
                    for (int q = 0; q < nq; q++) {
                        dy[o][q] *= kappa;
                    }
                    dy[o][q0BOut + o] += 1;
                    for (int j = 0; j < n; j++) {
                        y[o] += wOut[o * n + j] * s[j];
                        dy[o][q0Out + o * n + j] += s[j];
                        for (int q = 0; q < nq; q++) {
                            dy[o][q] += wOut[o * n + j] * ds[j][q];
                        }
                    }
                }
                if (mask[t] != 0) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double value : y) {
                        max = Math.max(max, value);
                    }
                    double sum = 0;
                    for (double value : y) {
                        sum += Math.exp(value - max);
                    }
                    for (int o = 0; o < nOut; o++) {
                        double err = Math.exp(y[o] - max) / sum - (o == labels[trial] ? 1 : 0);
                        for (int q = 0; q < nq; q++) {
                            grad[q] += mask[t] * err * dy[o][q] / batch;
                        }
                    }
                }
            }
        }
        return grad;
    }
}
