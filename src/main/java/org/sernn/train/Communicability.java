package org.sernn.train;

import java.util.Arrays;
import org.sernn.linalg.ExpmWorkspace;
import org.sernn.model.CommsGradient;
import org.sernn.model.ModelConfig;
import org.sernn.model.StrengthDirection;

/**
 * The seRNN regulariser (Achterberg, Akarca et al., Nat. Mach. Intell. 2023, "SE1_sWc";
 * docs/regulariser.md), on A[i][j] = |w_{i->j}| (pre, post), which is |W_rec|^T of the
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

    /** Work arrays for the last n (see {@link #prepare}); each call overwrites them. */
    private ExpmWorkspace expm;
    private double[] a;
    private double[] r;
    private double[] m;
    private double[] c;
    private double[] directionT;
    private double[] gradMT;
    private double[] gradS;

    Communicability(double lambda, double[] kernel, ModelConfig.RegulariserSpec spec) {
        this.lambda = lambda;
        this.kernel = kernel;
        this.outStrength = spec.strength() == StrengthDirection.OUT;
        this.fullGradient = spec.gradient() == CommsGradient.FULL;
        this.power = spec.commsFactor();
        this.epsilon = spec.epsilon();
    }

    /**
     * Four fused passes over the n x n arrays, each a loop over rows calling a method for one row: the JVM
     * compiles a method invoked n times per call after a few calls, where a method holding the whole n x n
     * loop would run interpreted for dozens of calls. The arrays with a T suffix are stored transposed:
     * directionT = G^T, gradMT = (dR/dM)^T.
     */
    @Override
    public synchronized double addValueAndGradient(double[] wRec, int n, double[] gradient) {
        prepare(n);
        double[] s = gradS; // the strengths; gradS is free until setStrengthGradient
        Arrays.fill(s, 0.0);
        for (int post = 0; post < n; post++) {
            setAbsoluteWeights(wRec, post, n, s);
        }
        for (int i = 0; i < n; i++) {
            r[i] = 1.0 / Math.sqrt(s[i] + epsilon);
        }
        // With p = 1, G = dR/dC does not depend on C: one block exponential gives C and the Frechet derivative,
        // taken at M in direction G^T: dR/dM = L(M^T, G) = L(M, G^T)^T.
        boolean together = fullGradient && power == 1.0;
        for (int i = 0; i < n; i++) {
            setNormalised(i, n, together);
        }
        if (together) {
            expm.expmAndFrechet(m, directionT, c, gradMT);
        } else {
            expm.expm(m, c);
        }
        double value = 0;
        for (int i = 0; i < n; i++) {
            value = addValueOfRow(value, i, n, fullGradient && !together);
        }
        if (fullGradient) {
            if (!together) {
                expm.expmAndFrechet(m, directionT, null, gradMT);
            }
            Arrays.fill(gradS, 0.0);
            for (int i = 0; i < n; i++) {
                addStrengthTerms(i, n);
            }
            for (int k = 0; k < n; k++) {
                gradS[k] *= -0.5 * r[k] * r[k];
            }
        }
        for (int post = 0; post < n; post++) {
            addWeightGradient(wRec, post, n, gradient);
        }
        return lambda * value;
    }

    /** Row {@code post} of W into column {@code post} of A = |W|^T, each |w| added to the strength it counts in. */
    private void setAbsoluteWeights(double[] wRec, int post, int n, double[] strengths) {
        for (int pre = 0; pre < n; pre++) {
            double weight = Math.abs(wRec[post * n + pre]);
            a[pre * n + post] = weight;
            strengths[outStrength ? pre : post] += weight;
        }
    }

    /** Row i of M = diag(r) A diag(r) and, if {@code direction}, column i of G^T = lambda A K off the diagonal. */
    private void setNormalised(int i, int n, boolean direction) {
        for (int j = 0; j < n; j++) {
            int idx = i * n + j;
            m[idx] = r[i] * a[idx] * r[j];
            if (direction) {
                directionT[j * n + i] = i == j ? 0.0 : lambda * a[idx] * kernel[idx];
            }
        }
    }

    /**
     * Adds row i of sum A C~ K (off the diagonal) to {@code value}, overwrites row i of C with C~ = C^p and, if
     * {@code direction}, sets column i of G^T = (lambda A K p C^(p-1))^T.
     */
    private double addValueOfRow(double value, int i, int n, boolean direction) {
        for (int j = 0; j < n; j++) {
            int idx = i * n + j;
            if (i == j) {
                continue;
            }
            double cPow = power == 1.0 ? c[idx] : Math.pow(c[idx], power);
            value += a[idx] * cPow * kernel[idx];
            if (direction) {
                double dPow = power * Math.pow(c[idx], power - 1);
                directionT[j * n + i] = lambda * a[idx] * kernel[idx] * dPow;
            }
            c[idx] = cPow;
        }
        return value;
    }

    /**
     * Row i's terms of dR/ds through M = diag(r) A diag(r), before the factor -(r_k^2 / 2):
     * dR/ds_k = -(r_k^2 / 2) (sum_j GM_kj M_kj + sum_i GM_ik M_ik).
     */
    private void addStrengthTerms(int i, int n) {
        for (int j = 0; j < n; j++) {
            double term = gradMT[j * n + i] * m[i * n + j];
            gradS[i] += term;
            gradS[j] += term;
        }
    }

    /**
     * Adds row {@code post} of dR/dW = dR/dA^T sign(W), with dR/dA_ij = lambda C~_ij K_ij off the diagonal
     * (C~ held constant) and, for the full gradient, + GM_ij r_i r_j + dR/ds_(i if out-strength, else j).
     */
    private void addWeightGradient(double[] wRec, int post, int n, double[] gradient) {
        for (int pre = 0; pre < n; pre++) {
            int idx = pre * n + post;
            double gradA = pre == post ? 0.0 : lambda * c[idx] * kernel[idx];
            if (fullGradient) {
                gradA += gradMT[post * n + pre] * r[pre] * r[post] + gradS[outStrength ? pre : post];
            }
            gradient[post * n + pre] += gradA * Math.signum(wRec[post * n + pre]);
        }
    }

    private void prepare(int n) {
        if (expm != null && expm.n() == n) {
            return;
        }
        expm = new ExpmWorkspace(n);
        a = new double[n * n];
        r = new double[n];
        m = new double[n * n];
        c = new double[n * n];
        directionT = fullGradient ? new double[n * n] : null;
        gradMT = fullGradient ? new double[n * n] : null;
        gradS = new double[n];
    }
}
