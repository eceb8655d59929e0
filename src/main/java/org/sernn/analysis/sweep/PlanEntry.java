package org.sernn.analysis.sweep;

import java.util.Locale;

/**
 * One line of a sweep's plan.csv: the run (network kind, regulariser, strength, seed), the epoch
 * count (null: the base config's), the base config (a path relative to the sweep folder) and the
 * settings of its analysis. Everything a run needs, so that any machine given the folder trains and
 * analyses it identically.
 */
public record PlanEntry(int index, SweepRun run, Integer epochs, String baseConfig, AnalysisSettings analysis) {

    /** The analysis of one network: null graphs for sigma, maze trials, permutations and its seed. */
    public record AnalysisSettings(int nulls, int trials, int permutations, long seed) {
    }

    static final String HEADER = "index,network,regulariser,strength,seed,epochs,base_config,nulls,trials,"
            + "permutations,analysis_seed";

    String csvLine() {
        return String.format(Locale.ROOT, "%d,%s,%s,%s,%d,%s,%s,%d,%d,%d,%d", index, run.network().label(),
                run.regulariser().name().toLowerCase(Locale.ROOT), Double.toString(run.lambda()), run.seed(),
                epochs == null ? "" : epochs.toString(), baseConfig, analysis.nulls(), analysis.trials(),
                analysis.permutations(), analysis.seed());
    }
}
