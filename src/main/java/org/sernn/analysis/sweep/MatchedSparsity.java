package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * seRNN against L1 at matched sparsity. Sparsity is measured by a key of the results: by default the
 * total off-diagonal |W_rec| (with Adam, L1-type penalties rarely drive weights exactly to zero, so
 * counts of exact zeros do not separate the networks), or the count of weights above 1e-3. Each
 * seRNN network is paired with the L1 network of the same network kind whose value is nearest in log
 * terms, if within a factor {@code maxRatio} (an L1 network may serve several seRNN networks); the
 * comparison reports the mean paired difference (seRNN minus L1) of a metric and in how many pairs
 * seRNN is higher.
 */
public final class MatchedSparsity {
    public static final String SPARSITY_KEY = "total_abs_w_rec";
    /** The alternative sparsity measure: off-diagonal weights with |w| above 1e-3. */
    public static final String COUNT_KEY = "weights_above_1e-03";

    private MatchedSparsity() {
    }

    /** A seRNN network and its sparsity-matched L1 partner. */
    public record Pair(SweepRow sernn, SweepRow l1) {
        public double difference(String key) {
            return sernn.get(key) - l1.get(key);
        }
    }

    /** The comparison of one metric over all pairs. */
    public record Comparison(String metric, int pairs, double meanSernn, double meanL1, double meanDifference,
            int sernnHigher) {
    }

    public static List<Pair> pairs(List<SweepRow> rows, String network, double maxRatio) {
        return pairs(rows, network, maxRatio, SPARSITY_KEY);
    }

    public static List<Pair> pairs(List<SweepRow> rows, String network, double maxRatio, String sparsityKey) {
        List<Pair> pairs = new ArrayList<>();
        for (SweepRow s : rows) {
            if (!s.network().equals(network) || !s.regulariser().equals("sernn")) {
                continue;
            }
            SweepRow best = null;
            double bestGap = Double.POSITIVE_INFINITY;
            for (SweepRow l : rows) {
                if (!l.network().equals(network) || !l.regulariser().equals("l1")) {
                    continue;
                }
                double gap = Math.abs(Math.log(s.get(sparsityKey) / l.get(sparsityKey)));
                if (gap < bestGap) {
                    bestGap = gap;
                    best = l;
                }
            }
            if (best != null && bestGap <= Math.log(maxRatio)) {
                pairs.add(new Pair(s, best));
            }
        }
        return pairs;
    }

    public static Comparison compare(List<Pair> pairs, String metric) {
        double sumS = 0;
        double sumL = 0;
        int higher = 0;
        int count = 0;
        for (Pair p : pairs) {
            double s = p.sernn().get(metric);
            double l = p.l1().get(metric);
            if (Double.isFinite(s) && Double.isFinite(l)) {
                sumS += s;
                sumL += l;
                higher += s > l ? 1 : 0;
                count++;
            }
        }
        return new Comparison(metric, count, count > 0 ? sumS / count : Double.NaN,
                count > 0 ? sumL / count : Double.NaN, count > 0 ? (sumS - sumL) / count : Double.NaN, higher);
    }
}
