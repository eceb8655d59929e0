package org.sernn.analysis.sweep;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The accuracy criterion per network kind, regulariser and strength: runs, how many pass, mean accuracy. */
final class PassFractions {
    private PassFractions() {
    }

    static void append(StringBuilder md, List<SweepRow> rows, double minAccuracy) {
        md.append(String.format(Locale.ROOT, "## Validation accuracy per strength (pass: >= %.2f)%n%n| network | "
                + "regulariser | lambda | runs | passed | mean accuracy | min | max |%n|---|---|---|---|---|---|---|---|%n",
                minAccuracy));
        TreeMap<String, List<SweepRow>> groups = new TreeMap<>();
        for (SweepRow r : rows) {
            groups.computeIfAbsent(String.format(Locale.ROOT, "%s|%s|%014.8f", r.network(), r.regulariser(), r.lambda()),
                    k -> new java.util.ArrayList<>()).add(r);
        }
        TreeMap<String, int[]> totals = new TreeMap<>();
        groups.forEach((key, group) -> {
            double[] acc = group.stream().mapToDouble(r -> r.get("validation_accuracy")).toArray();
            int passed = (int) java.util.Arrays.stream(acc).filter(a -> a >= minAccuracy).count();
            SweepRow first = group.get(0);
            md.append(String.format(Locale.ROOT, "| %s | %s | %.4g | %d | %d | %.3f | %.3f | %.3f |%n", first.network(),
                    first.regulariser(), first.lambda(), acc.length, passed,
                    java.util.Arrays.stream(acc).average().orElse(Double.NaN),
                    java.util.Arrays.stream(acc).min().orElse(Double.NaN),
                    java.util.Arrays.stream(acc).max().orElse(Double.NaN)));
            int[] t = totals.computeIfAbsent(first.network() + " " + first.regulariser(), k -> new int[2]);
            t[0] += acc.length;
            t[1] += passed;
        });
        md.append("\nIn all: ");
        totals.forEach((group, t) -> md.append(String.format(Locale.ROOT, "%s %d of %d (%.1f%%); ", group, t[1], t[0],
                100.0 * t[1] / t[0])));
        md.append("the paper: 39% of seRNNs and 47.9% of L1 networks passed.\n\n");
    }
}
