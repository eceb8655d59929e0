package org.sernn.analysis.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sernn.io.AtomicFiles;

/**
 * {@code sweep collect}: results.csv, the figures and headline.md from whatever runs of a plan have
 * finished, and a report of the runs missing or failed, by index.
 */
public final class SweepCollector {
    public static final String HEADLINE = "headline.md";

    private SweepCollector() {
    }

    public static SweepResults collect(Path dir, CollectSettings settings, PrintStream log) throws IOException {
        SweepPlan plan = SweepPlan.read(dir);
        SweepResults results = SweepResults.of(dir, plan);
        List<SweepRow> rows = results.rows();
        List<String> kinds = plan.entries().stream().map(e -> e.run().network().label()).distinct().toList();
        SweepTable.write(dir.resolve(SweepTable.FILE), rows);
        AtomicFiles.write(dir.resolve("metric_vs_strength.png"), s -> s.write(SweepFigures.againstStrength(rows, kinds)));
        AtomicFiles.write(dir.resolve("metric_vs_sparsity.png"), s -> s.write(SweepFigures.againstSparsity(rows, kinds)));
        AtomicFiles.writeString(dir.resolve(HEADLINE), SweepSummary.markdown(rows, kinds, settings));
        log.printf(Locale.ROOT, "sweep collect: %d of %d runs finished, %d missing%s, %d failed%s; wrote %s, %s and "
                + "the figures%n", rows.size(), plan.entries().size(), results.missing().size(),
                indices(results.missing()), results.failed().size(), indices(results.failed()),
                dir.resolve(SweepTable.FILE), dir.resolve(HEADLINE));
        return results;
    }

    private static String indices(List<Integer> list) {
        return list.isEmpty() ? "" : " (" + SlurmSubmission.ranges(list) + ")";
    }
}
