package org.sernn.analysis.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs treatment networks (seRNN) with control networks (L1, or spatial-only) of the same kind at
 * matched sparsity, one to one: every (treatment, control) candidate whose sparsity measures differ by
 * at most a factor {@code tolerance} is ranked by that difference in log terms, and pairs are taken
 * greedily from the closest, each network used at most once (nearest-neighbour matching without
 * replacement; ties broken by run index). Sparsity is by default the total off-diagonal |W_rec|: with
 * Adam, L1-type penalties rarely drive weights exactly to zero, so counts of exact zeros do not separate
 * the networks; the count of weights above 1e-3 is the alternative.
 */
public final class MatchedSparsity {
    public static final String SPARSITY_KEY = "total_abs_w_rec";
    /** The alternative sparsity measure: off-diagonal weights with |w| above 1e-3. */
    public static final String COUNT_KEY = "weights_above_1e-03";

    private MatchedSparsity() {
    }

    /** A treatment network and its sparsity-matched control. */
    public record Pair(SweepRow treatment, SweepRow control) {
    }

    public static List<Pair> pairs(List<SweepRow> rows, String network, String treatment, String control,
            double tolerance, String sparsityKey) {
        List<SweepRow> treated = of(rows, network, treatment);
        List<SweepRow> controls = of(rows, network, control);
        record Candidate(SweepRow treatment, SweepRow control, double gap) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (SweepRow t : treated) {
            for (SweepRow c : controls) {
                double gap = Math.abs(Math.log(t.get(sparsityKey) / c.get(sparsityKey)));
                if (gap <= Math.log(tolerance)) {
                    candidates.add(new Candidate(t, c, gap));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::gap)
                .thenComparing(c -> c.treatment().run()).thenComparing(c -> c.control().run()));
        Set<SweepRow> used = new HashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!used.contains(c.treatment()) && !used.contains(c.control())) {
                used.add(c.treatment());
                used.add(c.control());
                pairs.add(new Pair(c.treatment(), c.control()));
            }
        }
        pairs.sort(Comparator.comparing(p -> p.treatment().run()));
        return pairs;
    }

    private static List<SweepRow> of(List<SweepRow> rows, String network, String regulariser) {
        return rows.stream().filter(r -> r.network().equals(network) && r.regulariser().equals(regulariser)).toList();
    }
}
