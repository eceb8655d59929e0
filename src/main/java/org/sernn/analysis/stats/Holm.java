package org.sernn.analysis.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of a family of p-values (Holm 1979): controls the family-wise error rate
 * without assuming independence. NaN p-values are left out of the family and stay NaN.
 */
public final class Holm {
    private Holm() {
    }

    public static double[] adjust(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
