package org.sernn.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealVector;

/**
 * Newman's spectral community detection with Kernighan-Lin style fine-tuning, as BCT
 * modularity_und (Newman, PNAS 103:8577, 2006; Leicht and Newman 2008): split every module by the
 * sign of the leading eigenvector of its generalised modularity matrix while that raises Q, then
 * flip single nodes greedily; deterministic. When several nodes tie in a fine-tuning step the first
 * one is flipped (BCT flips all tied nodes). Cost O(n^3) per split.
 */
public final class SpectralModularity {
    private static final double MIN_GAIN = 1e-10;   // BCT: "if q1 > 1e-10"

    private SpectralModularity() {
    }

    public static Modularity detect(double[][] symmetric, double gamma) {
        int n = symmetric.length;
        double[] k = Modularity.strengths(symmetric);
        double m = 0;
        for (double ki : k) {
            m += ki;
        }
        int[] modules = new int[n];
        if (m == 0 || n < 2) {
            return new Modularity(modules, 0.0);
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = symmetric[i][j] - gamma * k[i] * k[j] / m;
            }
        }
        List<int[]> leaves = new ArrayList<>();
        Deque<int[]> pending = new ArrayDeque<>();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        pending.push(all);
        while (!pending.isEmpty()) {
            int[] module = pending.pop();
            int[] signs = split(b, module);
            if (signs == null) {
                leaves.add(module);
                continue;
            }
            pending.push(members(module, signs, -1));
            pending.push(members(module, signs, 1));
        }
        for (int label = 0; label < leaves.size(); label++) {
            for (int node : leaves.get(label)) {
                modules[node] = label;
            }
        }
        int[] relabelled = Modularity.relabelled(modules);
        return new Modularity(relabelled, Modularity.q(symmetric, relabelled, gamma));
    }

    /** The +1/-1 split of a module that raises Q, or null when the module is indivisible. */
    private static int[] split(double[][] b, int[] module) {
        int ng = module.length;
        if (ng < 2) {
            return null;
        }
        double[][] bg = new double[ng][ng];
        for (int i = 0; i < ng; i++) {
            double rowSum = 0;
            for (int j = 0; j < ng; j++) {
                bg[i][j] = b[module[i]][module[j]];
                rowSum += bg[i][j];
            }
            bg[i][i] -= rowSum;   // generalised modularity matrix B(g)
        }
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(bg));
        double[] values = eigen.getRealEigenvalues();
        int lead = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[lead]) {
                lead = i;
            }
        }
        RealVector v = eigen.getEigenvector(lead);
        int[] s = new int[ng];
        for (int i = 0; i < ng; i++) {
            s[i] = v.getEntry(i) < 0 ? -1 : 1;
        }
        double q1 = quadratic(bg, s);
        if (!(q1 > MIN_GAIN)) {
            return null;
        }
        for (int i = 0; i < ng; i++) {
            bg[i][i] = 0;
        }
        int[] sit = s.clone();
        boolean[] moved = new boolean[ng];
        double qmax = q1;
        for (int step = 0; step < ng; step++) {
            int best = -1;
            double bestQ = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < ng; i++) {
                if (moved[i]) {
                    continue;
                }
                double bs = 0;
                for (int j = 0; j < ng; j++) {
                    bs += bg[i][j] * sit[j];
                }
                double qi = qmax - 4 * sit[i] * bs;
                if (qi > bestQ) {
                    bestQ = qi;
                    best = i;
                }
            }
            qmax = bestQ;
            sit[best] = -sit[best];
            moved[best] = true;
            if (qmax > q1) {
                s = sit.clone();
                q1 = qmax;
            }
        }
        int sum = 0;
        for (int value : s) {
            sum += value;
        }
        return Math.abs(sum) == ng ? null : s;
    }

    private static double quadratic(double[][] m, int[] s) {
        double q = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                q += s[i] * m[i][j] * s[j];
            }
        }
        return q;
    }

    private static int[] members(int[] module, int[] signs, int sign) {
        int count = 0;
        for (int s : signs) {
            count += s == sign ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < module.length; i++) {
            if (signs[i] == sign) {
                out[k++] = module[i];
            }
        }
        return out;
    }
}
