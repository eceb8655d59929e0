package org.sernn.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sernn.linalg.ExpmFrechet;
import org.sernn.linalg.FrechetExpm;
import org.sernn.linalg.MatrixExponential;
import org.sernn.linalg.Nd4jArrays;
import org.sernn.model.CommsGradient;
import org.sernn.model.ModelConfig;
import org.sernn.model.StrengthDirection;

/**
 * The seRNN regulariser (Achterberg, Akarca et al., Nat. Mach. Intell. 2023, "SE1_sWc";
 * REFERENCE.md section 1), on A[i][j] = |w_{i->j}| (pre, post), which is |W_rec|^T of the
 * (post, pre) storage:
 * <pre>
 *   s = strengths of A (out: row sums; in: column sums), r = (s + eps)^(-1/2)
 *   M = diag(r) A diag(r),  C = expm(M) with diag(C) = 0,  C~ = C^p elementwise
 *   R = lambda sum_ij A_ij C~_ij K_ij
 * </pre>
 * with K = D (seRNN) or K = 1 off the diagonal (communicability only). The original has no eps (a
 * silent unit gives inf, then NaN); here eps guards it. The full gradient back-propagates through
 * expm with its Frechet derivative, dR/dM = L(M^T, dR/dexpm(M)) (Higham 2008; Al-Mohy and Higham
 * 2009), and through the strengths; the detached gradient holds C~ constant (the PyTorch spiking code).
 */
final class Communicability implements Regulariser {
    private final double lambda;
    private final double[] kernel;
    private final boolean outStrength;
    private final boolean fullGradient;
    private final double power;
    private final double epsilon;

    Communicability(double lambda, double[] kernel, ModelConfig.RegulariserSpec spec) {
        this.lambda = lambda;
        this.kernel = kernel;
        this.outStrength = spec.strength() == StrengthDirection.OUT;
        this.fullGradient = spec.gradient() == CommsGradient.FULL;
        this.power = spec.commsFactor();
        this.epsilon = spec.epsilon();
    }

    @Override
    public double addValueAndGradient(double[] wRec, int n, double[] gradient) {
        // A (pre, post) = |W|^T: A[i * n + j] = |W[j * n + i]|.
        double[] a = new double[n * n];
        for (int post = 0; post < n; post++) {
            for (int pre = 0; pre < n; pre++) {
                a[pre * n + post] = Math.abs(wRec[post * n + pre]);
            }
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += outStrength ? a[i * n + k] : a[k * n + i];
            }
            r[i] = 1.0 / Math.sqrt(s + epsilon);
        }
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = r[i] * a[i * n + j] * r[j];
            }
        }
        INDArray mArray = Nd4jArrays.matrix(m, n, n);
        double[] c = Nd4jArrays.toArray(MatrixExponential.expm(mArray));

        double value = 0;
        double[] gradA = new double[n * n];
        double[] gradC = fullGradient ? new double[n * n] : null;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int idx = i * n + j;
                if (i == j) {
                    continue;
                }
                double cPow = power == 1.0 ? c[idx] : Math.pow(c[idx], power);
                value += a[idx] * cPow * kernel[idx];
                gradA[idx] = lambda * cPow * kernel[idx];
                if (gradC != null) {
                    double dPow = power == 1.0 ? 1.0 : power * Math.pow(c[idx], power - 1);
                    gradC[idx] = lambda * a[idx] * kernel[idx] * dPow;
                }
            }
        }
        if (gradC != null) {
            addGradientThroughExpm(mArray, m, a, r, gradC, n, gradA);
        }
        for (int post = 0; post < n; post++) {
            for (int pre = 0; pre < n; pre++) {
                gradient[post * n + pre] += gradA[pre * n + post] * Math.signum(wRec[post * n + pre]);
            }
        }
        return lambda * value;
    }

    /**
     * Adds to dR/dA the part through M = diag(r) A diag(r): dR/dM = L(M^T, G), then
     * dR/dA_ij += GM_ij r_i r_j + dR/ds_(i or j), with dR/ds_k = -(r_k^2 / 2) (sum_j GM_kj M_kj + sum_i GM_ik M_ik).
     */
    private void addGradientThroughExpm(INDArray mArray, double[] m, double[] a, double[] r, double[] gradC, int n,
            double[] gradA) {
        ExpmFrechet both = FrechetExpm.expmAndFrechet(mArray.transpose().dup('c'), Nd4jArrays.matrix(gradC, n, n));
        double[] gradM = Nd4jArrays.toArray(both.frechet());
        double[] gradS = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double term = gradM[i * n + j] * m[i * n + j];
                gradS[i] += term;
                gradS[j] += term;
            }
        }
        for (int k = 0; k < n; k++) {
            gradS[k] *= -0.5 * r[k] * r[k];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int idx = i * n + j;
                gradA[idx] += gradM[idx] * r[i] * r[j] + (outStrength ? gradS[i] : gradS[j]);
            }
        }
    }
}
