package org.sernn.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.OneWayAnova;

/**
 * Per-unit selectivity for one task variable: the fraction of the across-trial variance of a unit's
 * activity explained by the variable (eta^2 = between-group sum of squares / total sum of squares,
 * as in the seRNN paper's variance explained by goal and by choices) and the one-way ANOVA p value.
 */
public final class Selectivity {
    private Selectivity() {
    }

    /** eta^2 of {@code values} grouped by {@code groups}; 0 when the values do not vary. */
    public static double varianceExplained(double[] values, int[] groups) {
        int levels = 0;
        for (int g : groups) {
            levels = Math.max(levels, g + 1);
        }
        double[] sum = new double[levels];
        int[] count = new int[levels];
        double mean = 0;
        for (int t = 0; t < values.length; t++) {
            sum[groups[t]] += values[t];
            count[groups[t]]++;
            mean += values[t];
        }
        mean /= values.length;
        double total = 0;
        for (double v : values) {
            total += (v - mean) * (v - mean);
        }
        if (total <= 1e-300) {
            return 0.0;
        }
        double between = 0;
        for (int g = 0; g < levels; g++) {
            if (count[g] > 0) {
                double groupMean = sum[g] / count[g];
                between += count[g] * (groupMean - mean) * (groupMean - mean);
            }
        }
        return between / total;
    }

    /** One-way ANOVA p value of {@code values} across {@code groups}; 1 when the values do not vary. */
    public static double anovaPValue(double[] values, int[] groups) {
        if (varianceExplained(values, groups) == 0.0) {
            return 1.0;
        }
        int levels = 0;
        for (int g : groups) {
            levels = Math.max(levels, g + 1);
        }
        List<List<Double>> byGroup = new ArrayList<>();
        for (int g = 0; g < levels; g++) {
            byGroup.add(new ArrayList<>());
        }
        for (int t = 0; t < values.length; t++) {
            byGroup.get(groups[t]).add(values[t]);
        }
        List<double[]> samples = new ArrayList<>();
        for (List<Double> group : byGroup) {
            if (group.size() >= 2) {
                samples.add(group.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        if (samples.size() < 2) {
            return 1.0;
        }
        boolean withinVaries = false;
        for (double[] sample : samples) {
            for (double v : sample) {
                withinVaries |= v != sample[0];
            }
        }
        if (!withinVaries) {
            return 0.0;   // groups differ and nothing varies inside them: perfectly informative
        }
        return new OneWayAnova().anovaPValue(samples);
    }
}
